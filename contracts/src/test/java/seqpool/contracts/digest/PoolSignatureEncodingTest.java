package seqpool.contracts.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.ObjectMapper;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.contracts.testing.CurvePoints;

/** The signature layouts, above all the RFC 9591 → 0x02 conversion (R decompressed) and its rejections. */
class PoolSignatureEncodingTest {
    private static final BigInteger P = Secp256k1Group.CURVE.getField().getCharacteristic();

    private static byte[] rfc(ECPoint r, BigInteger z) {
        byte[] out = new byte[65];
        System.arraycopy(r.normalize().getEncoded(true), 0, out, 0, 33);
        System.arraycopy(Numeric.toBytesPadded(z, 32), 0, out, 33, 32);
        return out;
    }

    @Test
    void rfc9591VectorSignatureDecompressesToItsPoint() throws Exception {
        byte[] sig;
        try (InputStream in = getClass().getResourceAsStream("/vectors/frost/cfrg-frost-secp256k1-sha256.json")) {
            sig = Numeric.hexStringToByteArray(new ObjectMapper().readTree(in).at("/final_output/sig").asText());
        }
        byte[] out = PoolSignatureEncoding.frostFromRfc9591(sig);
        assertEquals(97, out.length);
        assertEquals(PoolSignatureEncoding.SCHEME_FROST, out[0]);
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(out, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(out, 33, 65));
        assertArrayEquals(Arrays.copyOfRange(sig, 1, 33), Arrays.copyOfRange(out, 1, 33), "Rx is kept");
        assertEquals(y.pow(2).mod(P), x.pow(3).add(BigInteger.valueOf(7)).mod(P), "(Rx, Ry) is on the curve");
        assertEquals(sig[0] == 3, y.testBit(0), "Ry has the parity the prefix names");
        assertArrayEquals(Arrays.copyOfRange(sig, 33, 65), Arrays.copyOfRange(out, 65, 97), "z is kept");
    }

    @Test
    void decompressedPointEqualsTheMultipliedOneForBothParities() {
        Random random = new Random(9591);
        Set<Boolean> parities = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            BigInteger k = new BigInteger(255, random).add(BigInteger.ONE);
            ECPoint r = Secp256k1Group.G.multiply(k).normalize();
            BigInteger z = new BigInteger(255, random);
            byte[] expected = PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r), z);
            assertArrayEquals(expected, PoolSignatureEncoding.frostFromRfc9591(rfc(r, z)), "k = " + k);
            parities.add(CurvePoints.y(r).testBit(0));
        }
        assertEquals(2, parities.size(), "both y parities were exercised");
    }

    @Test
    void invalidRIsRejectedWithAClearMessage() {
        ECPoint r = Secp256k1Group.G.multiply(BigInteger.valueOf(12345)).normalize();
        byte[] good = rfc(r, BigInteger.TEN);

        byte[] uncompressedPrefix = good.clone();
        uncompressedPrefix[0] = 4;
        assertTrue(message(uncompressedPrefix).contains("prefix 0x04"), message(uncompressedPrefix));
        byte[] infinity = good.clone();
        infinity[0] = 0;
        assertTrue(message(infinity).contains("prefix 0x00"), message(infinity));

        // an x whose x^3 + 7 is not a square mod p: no point has it
        BigInteger x = BigInteger.ONE;
        while (x.pow(3).add(BigInteger.valueOf(7)).mod(P).modPow(P.subtract(BigInteger.ONE).shiftRight(1), P)
                .equals(BigInteger.ONE)) {
            x = x.add(BigInteger.ONE);
        }
        byte[] offCurve = good.clone();
        System.arraycopy(Numeric.toBytesPadded(x, 32), 0, offCurve, 1, 32);
        assertTrue(message(offCurve).contains("is not a point of secp256k1"), message(offCurve));

        byte[] xTooLarge = good.clone();
        Arrays.fill(xTooLarge, 1, 33, (byte) 0xff);
        assertTrue(message(xTooLarge).contains("field prime"), message(xTooLarge));

        byte[] zTooLarge = good.clone();
        System.arraycopy(Numeric.toBytesPadded(Secp256k1Group.N, 32), 0, zTooLarge, 33, 32);
        assertTrue(message(zTooLarge).contains("group order"), message(zTooLarge));

        assertTrue(message(Arrays.copyOf(good, 64)).contains("65 bytes"));
        assertTrue(message(Arrays.copyOf(good, 66)).contains("65 bytes"));
        assertEquals(97, PoolSignatureEncoding.frostFromRfc9591(good).length, "the unmodified input is accepted");
    }

    @Test
    void compressedAndEcdsaLayouts() {
        byte[] rfc = rfc(Secp256k1Group.G, BigInteger.ONE);
        byte[] c = PoolSignatureEncoding.frostCompressed(rfc);
        assertEquals(PoolSignatureEncoding.SCHEME_FROST_COMPRESSED, c[0]);
        assertArrayEquals(rfc, Arrays.copyOfRange(c, 1, 66));
        byte[] e = PoolSignatureEncoding.ecdsa(BigInteger.ONE, BigInteger.TWO, 28);
        assertEquals(66, e.length);
        assertEquals(1, e[0]);
        assertEquals(28, e[65]);
        assertThrows(IllegalArgumentException.class, () -> PoolSignatureEncoding.ecdsa(BigInteger.ONE, BigInteger.ONE, 1));
    }

    private static String message(byte[] sig) {
        return assertThrows(IllegalArgumentException.class, () -> PoolSignatureEncoding.frostFromRfc9591(sig)).getMessage();
    }
}
