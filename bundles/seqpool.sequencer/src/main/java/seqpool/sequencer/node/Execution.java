package seqpool.sequencer.node;

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
import seqpool.sequencer.mempool.TxPool;
import seqpool.sequencer.store.L2BlockStore;

/**
 * The node's execution of its L2 chain: the producer's blocks from the mempool, the followers' replays with the
 * state root compared, rewinds after a rotation, and the rebuild of an engine that lost its state (anvil keeps it in
 * memory) from the stored blocks. After the first replay that does not reproduce a block's state root the node's L2
 * is halted: it stores no more blocks and produces none, and says why — never a silent divergence. Used on the
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
        if (halted != null) {
            return Optional.empty();
        }
        List<Bytes> candidates = pool.pending(maxBlockTxs).stream().map(L2Transaction::raw).toList();
        try {
            return Optional.of(engine.produce(number, timestampMillis, candidates));
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot execute L2 block " + number + ": " + e.getMessage());
            return Optional.empty();
        }
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
