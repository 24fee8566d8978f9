package seqpool.sequencer.rpc.dispatch;

import java.math.BigInteger;
import java.util.Locale;

import seqpool.api.common.Bytes;

/**
 * Hex strings of the execution-apis base types: quantities ({@code uint}: {@code 0x} and no leading zeros), byte
 * strings ({@code bytes}: an even number of digits) and fixed-size byte strings. Inputs may use digits of either case
 * (as geth accepts them); outputs are lower case.
 */
public final class Hex {
    private Hex() {
    }

    /** An unsigned quantity of at most {@code maxBits} bits. */
    public static BigInteger quantity(String s, int maxBits) throws InvalidValueException {
        String digits = digits(s);
        if (digits.isEmpty()) {
            throw new InvalidValueException("hex string \"0x\"");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new InvalidValueException("hex number with leading zero digits");
        }
        checkDigits(digits);
        if (digits.length() > (maxBits + 3) / 4) { // before parsing: a huge string costs nothing to refuse
            throw new InvalidValueException("hex number > " + maxBits + " bits");
        }
        BigInteger v = new BigInteger(digits, 16);
        if (v.bitLength() > maxBits) {
            throw new InvalidValueException("hex number > " + maxBits + " bits");
        }
        return v;
    }

    /** A quantity that fits a non-negative {@code long} (block numbers, gas, nonces). */
    public static long uint63(String s) throws InvalidValueException {
        return quantity(s, 63).longValueExact();
    }

    /** A byte string ({@code bytes}). */
    public static Bytes data(String s) throws InvalidValueException {
        String digits = digits(s);
        if (digits.length() % 2 != 0) {
            throw new InvalidValueException("hex string of odd length");
        }
        checkDigits(digits);
        return Bytes.fromHex(digits);
    }

    /** A byte string of exactly {@code size} bytes. */
    public static Bytes fixed(String s, int size, String what) throws InvalidValueException {
        String digits = digits(s);
        if (digits.length() != 2 * size) {
            throw new InvalidValueException("hex string has length " + digits.length() + ", want " + 2 * size
                    + " for " + what);
        }
        checkDigits(digits);
        return Bytes.fromHex(digits);
    }

    public static String quantity(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative quantity " + v);
        }
        return "0x" + Long.toHexString(v);
    }

    public static String quantity(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative quantity " + v);
        }
        return "0x" + v.toString(16);
    }

    public static String data(Bytes b) {
        return "0x" + b.toHex().toLowerCase(Locale.ROOT);
    }

    private static String digits(String s) throws InvalidValueException {
        if (!s.startsWith("0x")) {
            throw new InvalidValueException(s.isEmpty() ? "empty hex string" : "hex string without 0x prefix");
        }
        return s.substring(2);
    }

    private static void checkDigits(String digits) throws InvalidValueException {
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0 || digits.charAt(i) > 'f') {
                throw new InvalidValueException("invalid hex string");
            }
        }
    }
}
