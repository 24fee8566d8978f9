package seqpool.api.sequencer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Executes L2 transactions on top of the current head. Deterministic: the same block on the same state yields the same
 * root on every node. Called from one thread (the sequencer's).
 */
@ProviderType
public interface ExecutionEngine {
    long headNumber();

    Hash32 stateRoot();

    /** Executes without committing: the root the block would have, and the transactions that were invalid. */
    ExecutionResult simulate(List<Bytes> transactions);

    /** Executes and commits a block; fails (nothing applied) if the resulting root differs from the block's. */
    ExecutionResult apply(L2Block block);
}
