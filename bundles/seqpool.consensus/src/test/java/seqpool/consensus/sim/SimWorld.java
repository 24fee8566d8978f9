package seqpool.consensus.sim;

import java.util.List;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;

/**
 * What runs on top of the simulated network, per run: the keys, the application of each node, the inputs, and what a
 * committed transaction must be. The {@link Simulation} owns time, network and faults; the world owns everything the
 * engine treats as opaque, so the same scheduler checks the consensus engine alone ({@link ClientTxWorld}) and an
 * application over it. A world draws its random choices from {@link Simulation#random()} only, so a seed replays.
 *
 * @param <A> the application type, so that tests read its state without casts
 */
public interface SimWorld<A extends ConsensusApplication> {
    /** The key of validator {@code index} (both twins of a pair use it). */
    NodeSigner signer(int index);

    /** How every engine of the run checks signatures. */
    SignatureVerifier verifier();

    /** The engine settings of every node (timeouts, signing domain). */
    NodeConfig nodeConfig();

    /** The validators of height 1. */
    ValidatorSet genesis();

    /**
     * A node's application, created once per node: it outlives the node's crashes the way durable state does (what
     * it forgets on a restart is for {@link #booting} to decide).
     */
    A newApp(int index, String name);

    /** When the first input tick runs and how often it repeats (simulated ms). */
    default long firstTickMs() {
        return 50;
    }

    default long tickMs() {
        return 20;
    }

    /** One input tick: submit client transactions, advance outside views (L1, L2), carry out duties. */
    void tick(Simulation<A> sim);

    /**
     * The validity rule: why a transaction in a block an honest node committed should not be there, or empty if it
     * may. Checked for every committed transaction.
     */
    Optional<String> invalidTx(SimNode<A> node, Bytes tx);

    /** An equivocating proposer's second block content for the same height and round (must differ from {@code txs}). */
    List<Bytes> alternativeTxs(List<Bytes> txs, long height, int round);

    /** Called before a node's engine is (re)created: a restart drops what the node held only in memory. */
    default void booting(Simulation<A> sim, SimNode<A> node) {
    }

    /** Called when a node reports a committed block (not when the node crashed while committing it). */
    default void committed(Simulation<A> sim, SimNode<A> node, CommittedBlock block) {
    }

    /** Properties of the application checked at the end of the run, as violation messages. */
    default List<String> finalChecks(Simulation<A> sim) {
        return List.of();
    }
}
