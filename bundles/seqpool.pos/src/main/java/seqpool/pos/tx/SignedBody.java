package seqpool.pos.tx;

import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * What a pool member signs: a vote to rotate a stalled producer, the outcome of a task it took part in, a batch proposal
 * or a refusal to sign one.
 */
public sealed interface SignedBody {
    /**
     * Rotate {@code stalled} out of (epoch, revision). {@code head} is the newest L2 header the voter holds (it lets the
     * pool continue after the last block anyone saw); empty when the voter holds none of this epoch.
     */
    record RotateVote(long epoch, int revision, Address stalled, Optional<L2Header> head) implements SignedBody {
        public RotateVote {
            if (epoch < 1 || revision < 0 || stalled == null || head == null) {
                throw new IllegalArgumentException("invalid rotation vote");
            }
        }
    }

    /**
     * The outcome of one attempt of a task on the reporting node: success with a result (the group key of a finished
     * keygen or reshare, and its generation), or failure naming the parties the node blames.
     */
    record TaskReport(String taskId, int attempt, boolean ok, Bytes groupKey, int generation, List<Address> culprits)
            implements SignedBody {
        public TaskReport {
            if (taskId == null || taskId.isEmpty() || taskId.length() > 128 || attempt < 0 || groupKey == null
                    || culprits == null || culprits.size() > 255 || generation < 0) {
                throw new IllegalArgumentException("invalid task report");
            }
            culprits = List.copyOf(culprits);
        }
    }

    /**
     * A proposal that the pool sign the next batch for L1 BatchInbox: its header fields as BatchInbox hashes them
     * ({@code dataKind} 0 calldata, 1 blobs) and the compression the batch data was built with, so that every signer
     * can re-derive the same data from its own chain.
     */
    record BatchProposal(long index, long firstL2Block, long lastL2Block, Hash32 blockHashes, Hash32 postStateRoot,
            int dataKind, List<Hash32> dataHashes, int compression) implements SignedBody {
        public static final int MAX_DATA_HASHES = 16;

        public BatchProposal {
            if (index < 1 || firstL2Block < 0 || lastL2Block < firstL2Block || blockHashes == null
                    || postStateRoot == null || dataKind < 0 || dataKind > 1 || dataHashes == null
                    || dataHashes.isEmpty() || dataHashes.size() > MAX_DATA_HASHES
                    || (dataKind == 0 && dataHashes.size() != 1) || compression < 0 || compression > 255) {
                throw new IllegalArgumentException("invalid batch proposal");
            }
            dataHashes = List.copyOf(dataHashes);
        }
    }

    /** A chosen signer's refusal to sign a batch attempt, with its reason (at most 256 characters). */
    record BatchRefusal(String taskId, int attempt, String reason) implements SignedBody {
        public static final int MAX_REASON = 256;

        public BatchRefusal {
            if (taskId == null || taskId.isEmpty() || taskId.length() > 128 || attempt < 0 || reason == null
                    || reason.length() > MAX_REASON) {
                throw new IllegalArgumentException("invalid batch refusal");
            }
        }
    }
}
