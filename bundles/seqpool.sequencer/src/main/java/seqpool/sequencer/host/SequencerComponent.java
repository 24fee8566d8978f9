package seqpool.sequencer.host;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.identity.NodeSigner;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.BlockProducer;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;

/**
 * The sequencer as a Declarative Services component: needs a configuration (PID {@code seqpool.sequencer}), the p2p
 * network, the store, the node's signer and the PoS service; provides {@link L2Chain} and {@link BlockProducer}.
 * Starts the sequencer thread in activate (from the head in the store) and stops it in deactivate. Also a
 * {@link MetricSource}: blocks, transactions, mempool, rejected input (see docs/operations.md).
 */
@Component(configurationPid = "seqpool.sequencer", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {L2Chain.class, BlockProducer.class, MetricSource.class})
@Designate(ocd = SequencerConfig.class)
public final class SequencerComponent implements L2Chain, BlockProducer, MetricSource {
    private final SequencerHost host;
    private final AutoCloseable engineCloser;
    private final org.osgi.framework.ServiceRegistration<?> backendRegistration;

    @Activate
    public SequencerComponent(org.osgi.framework.BundleContext context, SequencerConfig config,
            @Reference P2pNetwork network, @Reference KeyValueStore store, @Reference NodeSigner signer,
            @Reference PosService pos) throws StoreException, seqpool.api.sequencer.ExecutionException {
        java.util.Optional<EngineFactory.Built> built = EngineFactory.build(config, store);
        seqpool.sequencer.node.Execution execution = built.map(b -> new seqpool.sequencer.node.Execution(b.engine(),
                new seqpool.sequencer.mempool.TxPool(seqpool.sequencer.mempool.PoolLimits.DEFAULT, b.engine()::check,
                        b.nonces()), config.maxBlockTxs())).orElse(null);
        this.host = new SequencerHost(HostSettings.from(config), network, store, signer, pos,
                System::currentTimeMillis, execution);
        host.start();
        this.engineCloser = built.map(EngineFactory.Built::closer).orElse(() -> { });
        this.backendRegistration = built.map(b -> context.registerService(seqpool.sequencer.rpc.EthBackend.class,
                b.backends().create(host, host::submit).withPendingNonces(execution.pool()::nextNonce)
                        .withBatchHeads(() -> batchSubmitter(context)), null))
                .orElse(null);
    }

    /**
     * The batch submitter, for the safe and finalized heads, looked up when a tag is resolved (a node may run without
     * one). Not a DS reference: the submitter needs this component's L2Chain, and a reference back would make their
     * activations circular.
     */
    private static Optional<seqpool.api.submitter.BatchSubmitter> batchSubmitter(
            org.osgi.framework.BundleContext context) {
        try {
            var ref = context.getServiceReference(seqpool.api.submitter.BatchSubmitter.class);
            if (ref == null) {
                return Optional.empty();
            }
            var s = context.getService(ref);
            if (s != null) {
                context.ungetService(ref); // the component stays registered and active; only its heads are read
            }
            return Optional.ofNullable(s);
        } catch (IllegalStateException stopping) {
            return Optional.empty();
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        if (backendRegistration != null) {
            try {
                backendRegistration.unregister();
            } catch (IllegalStateException gone) {
                // framework stopping
            }
        }
        host.close();
        engineCloser.close();
    }

    @Override
    public void collect(MetricSink sink) {
        host.metrics().collect(sink);
    }

    @Override
    public long headNumber() {
        return host.headNumber();
    }

    @Override
    public Optional<L2Block> block(long number) {
        return host.block(number);
    }

    @Override
    public AutoCloseable subscribe(Consumer<L2Block> listener) {
        return host.subscribe(listener);
    }

    @Override
    public java.util.List<seqpool.api.sequencer.L2Equivocation> equivocations() {
        return host.equivocations();
    }

    @Override
    public boolean isProducing() {
        return host.isProducing();
    }

    @Override
    public long producingUntil() {
        return host.producingUntil();
    }
}
