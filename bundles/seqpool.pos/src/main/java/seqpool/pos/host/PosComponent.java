package seqpool.pos.host;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import seqpool.api.bridge.Bridge;
import seqpool.api.common.Address;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.identity.NodeSigner;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.staking.StakingView;
import seqpool.api.store.KeyValueStore;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.KeyId;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.pos.app.PosApplication;
import seqpool.pos.app.PosEvents;
import seqpool.pos.app.PosServiceImpl;
import seqpool.pos.state.Genesis;
import seqpool.pos.state.PosParams;
import seqpool.pos.tx.SignedTxFactory;

/**
 * Starts the PoS application: loads the genesis (from the store, else once from L1 at the configured block, retrying
 * while L1 is unreachable or the block unconfirmed), then registers the {@link ConsensusApplication} (which lets the
 * consensus engine start) and the {@link PosService}. The loading runs on its own thread so that activation never
 * blocks on L1.
 */
@Component(configurationPid = "seqpool.pos", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = PosConfig.class)
public final class PosComponent {
    private static final System.Logger LOG = System.getLogger(PosComponent.class.getName());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile L2Chain l2;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConsensusEngine engine;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TraceSink trace;

    private final Thread starter;
    private volatile boolean stopped;
    private volatile ServiceRegistration<?> appRegistration;
    private volatile ServiceRegistration<?> serviceRegistration;

    @Activate
    public PosComponent(BundleContext context, PosConfig config, @Reference KeyValueStore kv,
            @Reference Bridge bridge, @Reference StakingView staking, @Reference NodeSigner signer) throws Exception {
        DeployedContracts contracts = DeployedContracts.readFrom(Path.of(config.contractsFile()));
        PosParams params = params(config, contracts);
        String name = config.traceName().isEmpty() ? signer.address().toHex() : config.traceName();
        PosEvents events = new PosEvents((node, event, fields) -> {
            TraceSink t = trace; // the trace file may start after this component: read it at each event
            if (t != null) {
                t.record(node, event, fields);
            }
        }, name);
        starter = new Thread(() -> start(context, config, contracts, params, kv, bridge, staking, signer, events),
                "seqpool-pos-start");
        starter.setDaemon(true);
        starter.start();
    }

    static PosParams params(PosConfig c, DeployedContracts d) {
        if (d.forcedInclusionQueue().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "forced inclusion is off: " + c.contractsFile() + " names no "
                    + "forcedInclusionQueue (contracts deployed before the queue existed)");
        } else if (c.forcedInclusionBlocks() == 0) {
            LOG.log(System.Logger.Level.WARNING, "forced inclusion is off: pos.forcedInclusionBlocks is 0");
        }
        return new PosParams(d.chainId(), Address.fromHex(d.lockingPool()), Address.fromHex(d.sequencerSet()),
                Address.fromHex(d.poolKeyRegistry()), c.l2ChainId(), c.firstL2Block(), c.epochLength(),
                c.jailAfterFaults(), c.faultWindowEpochs(), c.taskTimeoutHeights(), c.maxEventsPerBlock(),
                KeyId.of(c.keyId()), d.forcedInclusionQueue().map(Address::fromHex), c.forcedInclusionBlocks(),
                c.l2EquivocationSlashBps());
    }

    private void start(BundleContext context, PosConfig config, DeployedContracts contracts, PosParams params,
            KeyValueStore kv, Bridge bridge, StakingView staking, NodeSigner signer, PosEvents events) {
        Genesis genesis = null;
        long delay = 500;
        while (!stopped && genesis == null) {
            try {
                genesis = stored(kv).orElse(null);
                if (genesis == null) {
                    Web3j web3j = Web3j.build(new HttpService(config.rpcUrl()));
                    try {
                        genesis = GenesisLoader.load(staking, web3j, contracts, config.genesisL1Block());
                    } finally {
                        web3j.shutdown();
                    }
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "PoS genesis not available yet (retry in " + delay + " ms): "
                        + causes(e));
                sleep(delay);
                delay = Math.min(delay * 2, 10_000);
            }
        }
        if (stopped) {
            return;
        }
        try {
            PosApplication app = new PosApplication(params, kv, genesis, bridge, () -> Optional.ofNullable(l2), events);
            SignedTxFactory txs = new SignedTxFactory(signer, params.l1ChainId(), params.lockingPool());
            PosServiceImpl service = new PosServiceImpl(app, events, txs, () -> Optional.ofNullable(engine),
                    () -> Optional.ofNullable(l2));
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("seqpool.pos.genesisL1Block", genesis.l1Block());
            serviceRegistration = context.registerService(PosService.class, service, props);
            appRegistration = context.registerService(ConsensusApplication.class, app, props);
            LOG.log(System.Logger.Level.INFO, "PoS application ready: genesis L1 block " + genesis.l1Block() + ", "
                    + genesis.members().size() + " validators, committed height " + app.lastCommittedHeight());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "PoS application cannot start: " + e.getMessage());
        }
    }

    /** The message and its causes' messages, one line (no stack trace at WARN). */
    static String causes(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        return b.toString();
    }

    private static Optional<Genesis> stored(KeyValueStore kv) throws Exception {
        var db = kv.database(new seqpool.api.store.DatabaseName("pos"));
        var b = kv.get(db, seqpool.api.common.Bytes.utf8("genesis"));
        return b.isPresent() ? Optional.of(seqpool.pos.state.GenesisCodec.decode(b.get())) : Optional.empty();
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        starter.interrupt();
        unregister(appRegistration);
        unregister(serviceRegistration);
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // framework stopping
            }
        }
    }
}
