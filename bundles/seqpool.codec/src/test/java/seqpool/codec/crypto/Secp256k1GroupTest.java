package seqpool.codec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** Bad points and scalars are refused: identity, off-curve, wrong prefix or length, out-of-range scalars. */
class Secp256k1GroupTest {
    private static final BigInteger P = new BigInteger(
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);

    private static byte[] compressed(int prefix, BigInteger x) {
        byte[] b = new byte[33];
        b[0] = (byte) prefix;
        byte[] xb = x.toByteArray();
        System.arraycopy(xb, Math.max(0, xb.length - 32), b, 33 - Math.min(32, xb.length), Math.min(32, xb.length));
        return b;
    }

    @Test
    void decodeRefusesEveryBadElement() {
        byte[] good = Secp256k1Group.encode(Secp256k1Group.G);
        assertTrue(Secp256k1Group.G.equals(assertDoesDecode(good)));
        byte[] zeroPrefix = good.clone();
        zeroPrefix[0] = 0; // the identity's SEC1 tag, padded to 33 bytes
        byte[] uncompressedTag = good.clone();
        uncompressedTag[0] = 4;
        int x = 1;
        while (isOnCurveX(BigInteger.valueOf(x))) {
            x++;
        }
        for (byte[] bad : List.of(zeroPrefix, uncompressedTag, new byte[] {0}, Arrays.copyOf(good, 32),
                Arrays.copyOf(good, 34), compressed(2, BigInteger.valueOf(x)), compressed(2, P),
                compressed(3, P.add(BigInteger.ONE)), new byte[33])) {
            assertThrows(InvalidEncodingException.class, () -> Secp256k1Group.decode(bad), () -> Arrays.toString(bad));
        }
        assertThrows(InvalidEncodingException.class, () -> Secp256k1Group.decode(null));
    }

    private static ECPoint assertDoesDecode(byte[] b) {
        try {
            return Secp256k1Group.decode(b);
        } catch (InvalidEncodingException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether x³ + 7 is a square mod p (Euler's criterion). */
    private static boolean isOnCurveX(BigInteger x) {
        BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
        return rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }

    @Test
    void theIdentityAndOutOfRangeScalarsCannotBeSerialized() {
        assertThrows(IllegalArgumentException.class, () -> Secp256k1Group.encode(Secp256k1Group.identity()));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1Group.encodeScalar(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1Group.encodeScalar(Secp256k1Group.N));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1Group.mulSmall(Secp256k1Group.G, -1));
    }

    static byte[] raw32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, 32 - Math.min(32, b.length), Math.min(32, b.length));
        return out;
    }

    @Test
    void decodeScalarRefusesUnreducedValues() throws Exception {
        assertThrows(InvalidEncodingException.class, () -> Secp256k1Group.decodeScalar(raw32(Secp256k1Group.N)));
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xff);
        assertThrows(InvalidEncodingException.class, () -> Secp256k1Group.decodeScalar(max));
        assertThrows(InvalidEncodingException.class, () -> Secp256k1Group.decodeScalar(new byte[31]));
        assertEquals(Secp256k1Group.N.subtract(BigInteger.ONE),
                Secp256k1Group.decodeScalar(Secp256k1Group.encodeScalar(Secp256k1Group.N.subtract(BigInteger.ONE))));
    }

    /** The constant-time multiplier computes what the default one does (it is not a timing test). */
    @Test
    void mulSecretAgreesWithTheReferenceMultiplication() {
        SecureRandom r = new SecureRandom();
        ECPoint p = Secp256k1Group.mulG(Secp256k1Group.randomScalar(r));
        List<BigInteger> ks = new java.util.ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO,
                Secp256k1Group.N.subtract(BigInteger.ONE), Secp256k1Group.N.add(BigInteger.valueOf(3))));
        for (int i = 0; i < 16; i++) {
            ks.add(Secp256k1Group.randomScalar(r));
        }
        for (BigInteger k : ks) {
            assertEquals(p.multiply(k.mod(Secp256k1Group.N)).normalize(), Secp256k1Group.mulSecret(p, k), k.toString(16));
        }
        assertTrue(Secp256k1Group.mulSecret(p, Secp256k1Group.N).isInfinity());
        assertTrue(Secp256k1Group.mulSecret(Secp256k1Group.identity(), BigInteger.TEN).isInfinity());
    }
}
