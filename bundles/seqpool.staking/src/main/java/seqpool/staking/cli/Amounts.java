package seqpool.staking.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Token amounts on the command line: decimal token units with 18 decimals (e.g. {@code 20000} or {@code 0.5}). */
final class Amounts {
    private static final int DECIMALS = 18;

    private Amounts() {
    }

    static BigInteger parse(String tokens) {
        BigDecimal d = new BigDecimal(tokens);
        if (d.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + tokens);
        }
        try {
            return d.movePointRight(DECIMALS).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount has more than 18 decimals: " + tokens, e);
        }
    }

    static String format(BigInteger units) {
        return new BigDecimal(units).movePointLeft(DECIMALS).setScale(4, RoundingMode.DOWN).stripTrailingZeros()
                .toPlainString();
    }
}
