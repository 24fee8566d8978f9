package seqpool.pos.select;

import java.math.BigInteger;

/**
 * Quorum rules. The key committee's threshold is the number of signers a pool signature needs:
 * {@code floor(2n/3) + 1}, more than two thirds of the n members (4 → 3, 5 → 4, 7 → 5). Rotation and task decisions
 * need more than two thirds of the epoch's voting power: {@code 3 * votes > 2 * total}.
 */
public final class Thresholds {
    private Thresholds() {
    }

    public static int committeeThreshold(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("a committee has at least one member");
        }
        return 2 * members / 3 + 1;
    }

    public static boolean superMajority(long votes, long total) {
        return total > 0 && BigInteger.valueOf(votes).multiply(BigInteger.valueOf(3)).compareTo(BigInteger.valueOf(total).shiftLeft(1)) > 0;
    }
}
