package seqpool.api.pos;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * The pool's threshold key as committed: its group key (33 bytes compressed), the generation of its shares, the
 * committee holding that generation with its threshold, and whether L1's PoolKeyRegistry holds the key (seen through
 * the bridge).
 */
public record PoolKeyState(Bytes groupKey, int generation, List<Address> committee, int threshold, boolean onL1) {
    public PoolKeyState {
        if (groupKey == null || groupKey.size() != 33 || generation < 1 || committee == null || committee.isEmpty()
                || threshold < 1 || threshold > committee.size()) {
            throw new IllegalArgumentException("invalid pool key state");
        }
        committee = List.copyOf(committee);
    }
}
