package seqpool.pos.select;

import java.math.BigInteger;

import seqpool.api.consensus.ValidatorSet;

/**
 * Stake (token wei) to consensus voting power: whole tokens, {@code floor(stake / 10^18)}, at least 1 for any positive
 * stake, at most 2^60 / 256 so that 256 validators never exceed the engine's total-power bound. With LockingPool's
 * bounds (20,000 to 100,000 tokens by default) the power is the stake in tokens, exactly proportional.
 */
public final class PowerRule {
    private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    public static final long MAX_POWER = ValidatorSet.MAX_TOTAL_POWER / 256;

    private PowerRule() {
    }

    public static long power(BigInteger stakeWei) {
        if (stakeWei.signum() <= 0) {
            return 0;
        }
        BigInteger tokens = stakeWei.divide(TOKEN);
        if (tokens.signum() == 0) {
            return 1;
        }
        return tokens.min(BigInteger.valueOf(MAX_POWER)).longValueExact();
    }
}
