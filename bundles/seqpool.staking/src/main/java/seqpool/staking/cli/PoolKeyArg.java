package seqpool.staking.cli;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The {@code --pool-key} argument: a secp256k1 public key as 64 bytes x‖y (hex, optional 0x), checked as
 * {@code PoolKeyRegistry._parseKey} checks it (so that a bad key fails here, before anything is deployed): coordinates
 * below the field prime, a point on y² = x³ + 7 (the identity has no such encoding), and x ≠ 0 and x below the group
 * order n (the FROST verifier uses x as an ECDSA r).
 */
final class PoolKeyArg {
    static final BigInteger P = new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
    static final BigInteger N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    private PoolKeyArg() {
    }

    /** The 64 key bytes, or an {@link IllegalArgumentException} that says what is wrong. */
    static byte[] parse(String arg) {
        String h = arg.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("0x")) {
            h = h.substring(2);
        }
        if (!h.matches("[0-9a-f]*") || h.length() % 2 != 0) {
            throw bad("not hex");
        }
        int len = h.length() / 2;
        if (len != 64) {
            String hint = len == 65 && h.startsWith("04") ? " (drop the 04 prefix of the uncompressed encoding)"
                    : len == 33 && (h.startsWith("02") || h.startsWith("03")) ? " (a compressed key: give x and y)" : "";
            throw bad("expected 64 bytes x||y, got " + len + hint);
        }
        BigInteger x = new BigInteger(h.substring(0, 64), 16);
        BigInteger y = new BigInteger(h.substring(64), 16);
        if (x.signum() == 0 && y.signum() == 0) {
            throw bad("the point at infinity (identity) is not a key");
        }
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            throw bad("a coordinate is not below the field prime");
        }
        if (!y.modPow(BigInteger.TWO, P).equals(x.pow(3).add(BigInteger.valueOf(7)).mod(P))) {
            throw bad("not a point on secp256k1 (y^2 != x^3 + 7)");
        }
        if (x.signum() == 0 || x.compareTo(N) >= 0) {
            throw bad("x must be in [1, n) (the registry uses it as an ECDSA r)");
        }
        byte[] out = new byte[64];
        System.arraycopy(fixed(x), 0, out, 0, 32);
        System.arraycopy(fixed(y), 0, out, 32, 32);
        return out;
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("--pool-key: " + why);
    }
}
