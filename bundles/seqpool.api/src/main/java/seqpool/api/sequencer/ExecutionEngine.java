package seqpool.api.sequencer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Executes L2 blocks on the node's own copy of the L2 state. Deterministic: the same transactions, in the same order,
 * with the same block number and timestamp, on the same state, give the same state root on every node and with every
 * implementation of one {@link #kind()}. Called from one thread (the sequencer's); {@link #check} may be called from
 * any thread.
 */
@ProviderType
public interface ExecutionEngine {
    /** What executes: {@code embedded} (native transfers in Java) or {@code evm} (an EVM, e.g. the node's anvil). */
    String kind();

    /** The number of the last executed block ({@code firstL2Block - 1} before the first). */
    long headNumber();

    /** The state root after {@link #headNumber()}. */
    Hash32 stateRoot();

    /**
     * Whether a raw transaction could enter the mempool against the latest executed state: encoding, signature,
     * chain id, nonce not below the sender's, balance for value plus gas limit times max fee, gas limit within the
     * block's, size. Never throws for bad input.
     */
    TxCheck check(Bytes rawTransaction);

    /**
     * The producer's block: executes {@code candidates} in order on the head, keeps those that are valid at their
     * turn (others are reported, not included) while the block gas limit allows, and commits the block.
     */
    BlockExecution produce(long number, long timestampMillis, List<Bytes> candidates) throws ExecutionException;

    /**
     * A follower's block: executes exactly {@code transactions} in order; if one is invalid or the state root is not
     * {@code expectedStateRoot}, nothing is applied and this throws.
     */
    BlockExecution replay(long number, long timestampMillis, List<Bytes> transactions, Hash32 expectedStateRoot)
            throws ExecutionException;

    /** Undoes every block above {@code number} (unsafe blocks of a rotated-out producer). */
    void rewindTo(long number) throws ExecutionException;
}
