package seqpool.api.sequencer;

import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * What executing a block did: the transactions it includes (in order), those the producer left out with the reason,
 * the state root after it, the gas it used, and the engine's own block hash (the Ethereum block hash the node's
 * JSON-RPC shows; {@link Hash32#ZERO} for an engine without one).
 */
public record BlockExecution(long number, List<Bytes> included, List<RejectedTx> rejected, Hash32 stateRoot,
        long gasUsed, Hash32 engineBlockHash) {
    /** A transaction left out, with the reason in the words clients parse (e.g. {@code nonce too low}). */
    public record RejectedTx(Hash32 hash, String reason) {
    }

    public BlockExecution {
        if (included == null || rejected == null || stateRoot == null || engineBlockHash == null || gasUsed < 0) {
            throw new IllegalArgumentException("invalid block execution " + number);
        }
        included = List.copyOf(included);
        rejected = List.copyOf(rejected);
    }
}
