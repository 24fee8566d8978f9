package seqpool.pos.host;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import seqpool.api.common.Address;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.identity.NodeSigner;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.pos.duty.L1Poster;
import seqpool.pos.duty.RotationWatcher;
import seqpool.pos.duty.TaskRunner;
import seqpool.pos.tx.SignedTxFactory;

/** This node's duties (tasks, L1 posts, rotation votes) on one thread, once the pool and its services are up. */
@Component(configurationPid = "seqpool.pos", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
public final class PosDutiesComponent {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile L2Chain l2;

    private final ScheduledExecutorService duty;
    private final TaskRunner tasks;

    @Activate
    public PosDutiesComponent(PosConfig config, @Reference PosService pos, @Reference ConsensusEngine engine,
            @Reference ThresholdKeyService tss, @Reference PoolActionSender sender, @Reference NodeSigner signer)
            throws Exception {
        DeployedContracts c = DeployedContracts.readFrom(Path.of(config.contractsFile()));
        SignedTxFactory txs = new SignedTxFactory(signer, c.chainId(), Address.fromHex(c.lockingPool()));
        duty = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-pos-duty");
            t.setDaemon(true);
            return t;
        });
        L1Poster poster = new L1Poster(sender, pos, duty, config.postFallbackMs());
        tasks = new TaskRunner(pos, engine, tss, poster, txs, KeyId.of(config.keyId()), duty);
        tasks.start();
        new RotationWatcher(pos, () -> Optional.ofNullable(l2), signer.address(), config.producerTimeoutMs(),
                System::currentTimeMillis).start(duty);
    }

    @Deactivate
    void deactivate() throws Exception {
        tasks.close();
        duty.shutdownNow();
    }
}
