package seqpool.pos.tx;

import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/** What a pool member signs: a vote to rotate a stalled producer, or the outcome of a task it took part in. */
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
}
