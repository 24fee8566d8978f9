package seqpool.bridge.follow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import seqpool.api.common.Address;

/**
 * What to follow and how: the L1 chain id, the contracts, how to name their events, the first block to read (used
 * only while nothing is recorded; afterwards the stored cursor wins), the confirmations (at least 1) and the most
 * blocks per {@code eth_getLogs} request.
 */
public record FollowPlan(long chainId, List<Address> contracts, EventKinds kinds, long startBlock, int confirmations,
        int maxBlockRange) {
    public static final int MAX_CONFIRMATIONS = 10_000;
    public static final int MAX_BLOCK_RANGE = 100_000;

    public FollowPlan {
        Objects.requireNonNull(kinds, "kinds");
        contracts = List.copyOf(new LinkedHashSet<>(contracts));
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive, got " + chainId);
        }
        if (contracts.isEmpty()) {
            throw new IllegalArgumentException("no contracts to follow");
        }
        if (startBlock < 0) {
            throw new IllegalArgumentException("startBlock must be >= 0, got " + startBlock);
        }
        if (confirmations < 1 || confirmations > MAX_CONFIRMATIONS) {
            throw new IllegalArgumentException("confirmations must be 1.." + MAX_CONFIRMATIONS + ", got "
                    + confirmations);
        }
        if (maxBlockRange < 1 || maxBlockRange > MAX_BLOCK_RANGE) {
            throw new IllegalArgumentException("maxBlockRange must be 1.." + MAX_BLOCK_RANGE + ", got "
                    + maxBlockRange);
        }
    }

    public Set<Address> contractSet() {
        return Set.copyOf(contracts);
    }
}
