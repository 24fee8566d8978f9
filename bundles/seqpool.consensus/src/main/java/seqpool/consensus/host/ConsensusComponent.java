package seqpool.consensus.host;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommitListener;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SubmitOutcome;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.Subscription;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.consensus.node.SignatureVerifier;

/**
 * The engine as a Declarative Services component: needs a configuration (PID {@code seqpool.consensus}), the p2p
 * network, the store, the node's signer and the application; starts the event thread in activate, stops it in
 * deactivate. Also a {@link MetricSource} of the engine's own metrics ({@link ConsensusMetrics}).
 */
@Component(configurationPid = "seqpool.consensus", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {ConsensusEngine.class, MetricSource.class})
@Designate(ocd = ConsensusConfig.class)
public final class ConsensusComponent implements ConsensusEngine, MetricSource {
    private final ConsensusHost host;
    private final ConsensusMetrics metrics;

    @Activate
    public ConsensusComponent(ConsensusConfig config, @Reference P2pNetwork network, @Reference KeyValueStore store,
            @Reference NodeSigner signer, @Reference ConsensusApplication app,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) TraceSink trace) throws StoreException {
        this.metrics = new ConsensusMetrics(trace == null ? TraceSink.NONE : trace);
        this.host = new ConsensusHost(ConsensusSettings.nodeConfig(config), signer, SignatureVerifier.secp256k1(), store,
                app, config.genesisValidators().length > 0 ? ConsensusSettings.genesis(config.genesisValidators())
                        : app.genesisValidators(), network, metrics,
                Map.of());
        metrics.droppedMessages(host::droppedPeerMessages);
        host.start();
    }

    @Deactivate
    void deactivate() {
        host.close();
    }

    @Override
    public SubmitResult submit(Bytes tx) {
        return host.submit(tx);
    }

    @Override
    public SubmitOutcome offer(Bytes tx) {
        return host.offer(tx);
    }

    @Override
    public Subscription follow(long fromHeight, CommitListener listener) {
        return host.follow(fromHeight, listener);
    }

    @Override
    public long committedHeight() {
        return host.committedHeight();
    }

    @Override
    public Optional<CommittedBlock> block(long height) {
        return host.block(height);
    }

    @Override
    public ValidatorSet currentValidators() {
        return host.currentValidators();
    }

    @Override
    public SubmitResult submitEvidence(DuplicateVoteEvidence evidence) {
        SubmitResult r = host.submitEvidence(evidence);
        metrics.evidence(r);
        return r;
    }

    /** Metrics only the engine knows (rounds, own votes, step durations, evidence): docs/operations.md. */
    @Override
    public void collect(MetricSink sink) {
        metrics.collect(sink);
    }
}
