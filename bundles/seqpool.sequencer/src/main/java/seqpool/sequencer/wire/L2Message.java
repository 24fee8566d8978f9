package seqpool.sequencer.wire;

import java.util.List;

import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;

/** The messages of the l2 channel (protocol l2/1). */
public sealed interface L2Message {
    /** A new block, broadcast by its producer. */
    record NewBlock(L2Block block) implements L2Message {
    }

    /** The sender's head, broadcast every second; a node behind asks the sender for the blocks it lacks. */
    record Status(long headNumber, Hash32 headHash) implements L2Message {
        public Status {
            if (headNumber < 0 || headHash == null) {
                throw new IllegalArgumentException("invalid status " + headNumber);
            }
        }
    }

    /** Asks for the blocks {@code from..to} (inclusive). */
    record BlockRequest(long from, long to) implements L2Message {
        public BlockRequest {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("invalid block request " + from + ".." + to);
            }
        }

        public long count() {
            return to - from + 1;
        }
    }

    /**
     * The blocks of a request the sender holds, ascending and contiguous from the first one (possibly fewer than asked,
     * possibly none).
     */
    record BlockResponse(List<L2Block> blocks) implements L2Message {
        public BlockResponse {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * Raw L2 transactions a node forwards to the producer (and the next one near an epoch boundary); the receiver
     * checks each like a local submission and never forwards them again.
     */
    record ForwardTxs(List<seqpool.api.common.Bytes> transactions) implements L2Message {
        public ForwardTxs {
            transactions = List.copyOf(transactions);
        }
    }
}
