package seqpool.sequencer.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Transaction;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.Keccak;
import seqpool.sequencer.forced.ForcedSection;
import seqpool.sequencer.mempool.TxPool;
import seqpool.sequencer.store.L2BlockStore;

/**
 * The node's execution of its L2 chain: the producer's blocks from the mempool, the followers' replays with the
 * state root compared, rewinds after a rotation, and the rebuild of an engine that lost its state (anvil keeps it in
 * memory) from the stored blocks. After the first replay that does not reproduce a block's state root the node's L2
 * is halted: it stores no more blocks and produces none, and says why — never a silent divergence. Forced inclusion:
 * the producer's candidates start with the block's forced section, and a follower re-executes each forced message a
 * block skipped, at its turn, to see that it really was not executable ({@link #verifyForced}). Used on the
 * sequencer thread only.
 */
public final class Execution {
    private static final System.Logger LOG = System.getLogger(Execution.class.getName());

    private final ExecutionEngine engine;
    private final TxPool pool;
    private final int maxBlockTxs;
    private String halted;
    private long mismatches;

    public Execution(ExecutionEngine engine, TxPool pool, int maxBlockTxs) {
        this.engine = engine;
        this.pool = pool;
        this.maxBlockTxs = maxBlockTxs;
    }

    public ExecutionEngine engine() {
        return engine;
    }

    public TxPool pool() {
        return pool;
    }

    /** Why the L2 is halted, if it is. */
    public Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /** Blocks whose replay gave another state root than their producer's. */
    public long stateRootMismatches() {
        return mismatches;
    }

    /** Brings the engine to the stored head: rewinds what the store lacks, replays what the engine lacks. */
    void align(L2BlockStore store, long storedHead, long genesis) throws StoreException {
        try {
            if (engine.headNumber() > storedHead) {
                engine.rewindTo(storedHead);
            }
            for (long n = Math.max(engine.headNumber() + 1, genesis); n <= storedHead; n++) {
                L2Block b = store.block(n).orElseThrow(() -> new StoreException("stored L2 chain lacks a block"));
                engine.replay(b.number(), b.timestampMillis(), b.transactions(), b.stateRoot());
            }
        } catch (ExecutionException e) {
            halt("cannot rebuild the execution state from the stored blocks: " + e.getMessage());
        }
    }

    /** The producer's block: the mempool's executable transactions, executed and committed by the engine. */
    Optional<BlockExecution> produce(long number, long timestampMillis) {
        return produce(number, timestampMillis, List.of());
    }

    /**
     * The producer's block with a forced section: the section's transactions first, in queue order, then the mempool's;
     * the engine keeps those executable at their turn.
     */
    Optional<BlockExecution> produce(long number, long timestampMillis, List<Bytes> forcedFirst) {
        if (halted != null) {
            return Optional.empty();
        }
        List<Bytes> candidates = new ArrayList<>(forcedFirst);
        pool.pending(Math.max(0, maxBlockTxs - forcedFirst.size())).stream().map(L2Transaction::raw)
                .forEach(candidates::add);
        try {
            return Optional.of(engine.produce(number, timestampMillis, candidates));
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot execute L2 block " + number + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks the forced messages a follower's block consumed without executing them ({@code section}'s messages that
     * are not among the block's first transactions, {@link ForcedSection#match}): each is offered to the engine at its
     * turn — on the parent state, after the section's messages the block executed before it — and must be refused.
     * The engine is put back on the parent after each probe. Empty if every skip holds; otherwise why not. A block
     * this node already executed (its own) is not checked again. An engine failure halts the L2, as in
     * {@link #apply}.
     */
    Optional<String> verifyForced(L2Block b, ForcedSection section) {
        if (halted != null || engine.headNumber() >= b.number() || section.transactions().isEmpty()) {
            return Optional.empty();
        }
        ForcedSection.Match match = section.match(b.transactions());
        for (int skipped : match.skipped()) {
            List<Bytes> before = new ArrayList<>();
            match.executedBefore(skipped).forEach(i -> before.add(section.transactions().get(i)));
            List<Bytes> probe = new ArrayList<>(before);
            probe.add(section.transactions().get(skipped));
            BlockExecution x;
            try {
                x = engine.produce(b.number(), b.timestampMillis(), probe);
                engine.rewindTo(b.number() - 1);
            } catch (ExecutionException e) {
                halt("cannot check the forced messages of L2 block " + b.number() + ": " + e.getMessage());
                return Optional.empty();
            }
            if (x.included().equals(probe)) {
                return Optional.of("block " + b.number() + " skips forced message " + (section.from() + skipped)
                        + ", which is executable at its turn here");
            }
            if (!x.included().equals(before)) {
                mismatches++;
                halt("the forced messages L2 block " + b.number() + " executed (" + before.size() + ") do not all "
                        + "execute here at its start: " + x.included().size() + " of " + probe.size() + " did");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A follower's block: replayed unless the engine already executed it (this node produced it). */
    boolean apply(L2Block b) {
        if (halted != null) {
            return false;
        }
        if (engine.headNumber() >= b.number()) {
            return true;
        }
        try {
            engine.replay(b.number(), b.timestampMillis(), b.transactions(), b.stateRoot());
            return true;
        } catch (ExecutionException e) {
            mismatches++;
            halt("L2 block " + b.number() + " by " + b.producer() + " does not execute to its state root here: "
                    + e.getMessage());
            return false;
        }
    }

    /** After a block is stored: the mempool drops what it included and what its nonces consumed. */
    void committed(L2Block b) {
        pool.committed(b.transactions().stream().map(Keccak::keccak256).map(Hash32.class::cast).toList());
    }

    void rewindTo(long number) {
        try {
            engine.rewindTo(number);
        } catch (ExecutionException e) {
            halt("cannot rewind the execution state to block " + number + ": " + e.getMessage());
        }
    }

    private void halt(String why) {
        if (halted == null) {
            halted = why;
            LOG.log(System.Logger.Level.ERROR, "L2 HALTED on this node: " + why + " (the node keeps its blocks up to "
                    + engine.headNumber() + "; investigate before restarting it)");
        }
    }
}
