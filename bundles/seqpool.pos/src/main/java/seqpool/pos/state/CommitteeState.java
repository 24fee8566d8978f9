package seqpool.pos.state;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * The committee holding the pool key's current generation: members (ascending), threshold, generation, group key
 * (33 bytes compressed) and whether PoolKeyRegistry on L1 holds the key.
 */
public record CommitteeState(List<Address> members, int threshold, int generation, Bytes groupKey, boolean onL1) {
    public CommitteeState {
        members = members.stream().sorted().toList();
    }

    CommitteeState registered() {
        return new CommitteeState(members, threshold, generation, groupKey, true);
    }
}
