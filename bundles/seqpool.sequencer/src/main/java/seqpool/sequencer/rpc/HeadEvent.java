package seqpool.sequencer.rpc;

import java.util.List;

/**
 * A change of the node's head, in chain order: a new block with all its logs, or ({@code removed}) a block that left
 * the chain because unsafe blocks were rewound. {@code newHeads} subscribers get the header of new blocks;
 * {@code logs} subscribers get the matching logs, marked {@code removed} for a removed block.
 */
public record HeadEvent(RpcHeader header, List<RpcLog> logs, boolean removed) {
    public HeadEvent {
        if (header == null || logs == null) {
            throw new IllegalArgumentException("invalid head event");
        }
        logs = List.copyOf(logs);
    }
}
