package seqpool.sequencer.derive;

import java.util.Optional;

import seqpool.api.common.Hash32;

/** A node to compare with: its block {@code number} as its JSON-RPC shows it ({@code eth_getBlockByNumber}). */
@FunctionalInterface
public interface NodeView {
    record NodeBlock(Hash32 hash, Hash32 stateRoot) {
    }

    /** Empty when the node has no such block. */
    Optional<NodeBlock> block(long number) throws L1DataException;
}
