package seqpool.api.pos;

import java.util.List;
import java.util.Optional;

/**
 * A summary of the committed PoS state after consensus height {@code height}: the epoch and the assignment in force,
 * the L2 head the pool has committed, the pool key, the members (every known one, with status) and the number of
 * open tasks. {@code l1Block} is the last L1 block whose events were committed.
 */
public record PoolStatus(long height, long epoch, Optional<ProducerAssignment> assignment, long l2Head,
        Optional<PoolKeyState> poolKey, List<PoolMember> members, int openTasks, long l1Block) {
    public PoolStatus {
        if (assignment == null || poolKey == null || members == null) {
            throw new IllegalArgumentException("assignment, pool key and validators are required (may be empty)");
        }
        members = List.copyOf(members);
    }
}
