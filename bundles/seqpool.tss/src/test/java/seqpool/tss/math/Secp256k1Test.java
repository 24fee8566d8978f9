package seqpool.tss.math;

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
class Secp256k1Test {
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
        byte[] good = Secp256k1.encode(Secp256k1.G);
        assertTrue(Secp256k1.G.equals(assertDoesDecode(good)));
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
            assertThrows(InvalidEncodingException.class, () -> Secp256k1.decode(bad), () -> Arrays.toString(bad));
        }
        assertThrows(InvalidEncodingException.class, () -> Secp256k1.decode(null));
    }

    private static ECPoint assertDoesDecode(byte[] b) {
        try {
            return Secp256k1.decode(b);
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
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.encode(Secp256k1.identity()));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.encodeScalar(BigInteger.ONE.negate()));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.encodeScalar(Secp256k1.N));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.mulSmall(Secp256k1.G, -1));
    }

    static byte[] raw32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, 32 - Math.min(32, b.length), Math.min(32, b.length));
        return out;
    }

    @Test
    void decodeScalarRefusesUnreducedValues() throws Exception {
        assertThrows(InvalidEncodingException.class, () -> Secp256k1.decodeScalar(Secp256k1Test.raw32(Secp256k1.N)));
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xff);
        assertThrows(InvalidEncodingException.class, () -> Secp256k1.decodeScalar(max));
        assertThrows(InvalidEncodingException.class, () -> Secp256k1.decodeScalar(new byte[31]));
        assertEquals(Secp256k1.N.subtract(BigInteger.ONE),
                Secp256k1.decodeScalar(Secp256k1.encodeScalar(Secp256k1.N.subtract(BigInteger.ONE))));
    }

    /** The constant-time multiplier computes what the default one does (it is not a timing test). */
    @Test
    void mulSecretAgreesWithTheReferenceMultiplication() {
        SecureRandom r = new SecureRandom();
        ECPoint p = Secp256k1.mulG(Secp256k1.randomScalar(r));
        List<BigInteger> ks = new java.util.ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO,
                Secp256k1.N.subtract(BigInteger.ONE), Secp256k1.N.add(BigInteger.valueOf(3))));
        for (int i = 0; i < 16; i++) {
            ks.add(Secp256k1.randomScalar(r));
        }
        for (BigInteger k : ks) {
            assertEquals(p.multiply(k.mod(Secp256k1.N)).normalize(), Secp256k1.mulSecret(p, k), k.toString(16));
        }
        assertTrue(Secp256k1.mulSecret(p, Secp256k1.N).isInfinity());
        assertTrue(Secp256k1.mulSecret(Secp256k1.identity(), BigInteger.TEN).isInfinity());
    }

    @Test
    void lagrangeRefusesZeroDuplicateAndForeignIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(1, List.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(1, List.of(1, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(3, List.of(1, 2)));
        // λ at zero over {1, 2}: 2 and -1; the basis at x = 1 is the indicator of identifier 1.
        assertEquals(BigInteger.TWO, Lagrange.coefficientAtZero(1, List.of(1, 2)));
        assertEquals(Secp256k1.N.subtract(BigInteger.ONE), Lagrange.coefficientAtZero(2, List.of(1, 2)));
        assertEquals(BigInteger.ONE, Lagrange.coefficientAt(1, 1, List.of(1, 2, 5)));
        assertEquals(BigInteger.ZERO, Lagrange.coefficientAt(2, 1, List.of(1, 2, 5)));
    }
}
