package seqpool.tss.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An independent verifier for FROST(secp256k1, SHA-256) signatures, written from RFC 9591 §6.5 and RFC 9380 §5.3.1
 * without any production code: z·G == R + c·X, c = hash_to_field(R ‖ X ‖ m, DST = context ‖ "chal").
 */
public final class PlainSchnorrVerifier {
    private static final X9ECParameters P = CustomNamedCurves.getByName("secp256k1");

    private PlainSchnorrVerifier() {
    }

    public static boolean verify(byte[] groupKey33, byte[] message, byte[] sig65) throws Exception {
        if (sig65.length != 65) {
            return false;
        }
        ECPoint x = P.getCurve().decodePoint(groupKey33);
        byte[] rBytes = java.util.Arrays.copyOfRange(sig65, 0, 33);
        ECPoint r = P.getCurve().decodePoint(rBytes);
        BigInteger z = new BigInteger(1, java.util.Arrays.copyOfRange(sig65, 33, 65));
        if (z.compareTo(P.getN()) >= 0) {
            return false;
        }
        byte[] input = new byte[33 + 33 + message.length];
        System.arraycopy(rBytes, 0, input, 0, 33);
        System.arraycopy(groupKey33, 0, input, 33, 33);
        System.arraycopy(message, 0, input, 66, message.length);
        BigInteger c = new BigInteger(1, xmd(input, "FROST-secp256k1-SHA256-v1chal".getBytes(StandardCharsets.US_ASCII), 48))
                .mod(P.getN());
        return P.getG().multiply(z).normalize().equals(r.add(x.multiply(c)).normalize());
    }

    private static byte[] xmd(byte[] msg, byte[] dst, int len) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] dstPrime = new byte[dst.length + 1];
        System.arraycopy(dst, 0, dstPrime, 0, dst.length);
        dstPrime[dst.length] = (byte) dst.length;
        sha.update(new byte[64]);
        sha.update(msg);
        sha.update(new byte[] {(byte) (len >> 8), (byte) len, 0});
        sha.update(dstPrime);
        byte[] b0 = sha.digest();
        byte[] out = new byte[len];
        byte[] prev = new byte[32];
        for (int i = 1, off = 0; off < len; i++, off += 32) {
            byte[] x = new byte[32];
            for (int j = 0; j < 32; j++) {
                x[j] = (byte) (b0[j] ^ prev[j]);
            }
            sha.update(i == 1 ? b0 : x);
            sha.update((byte) i);
            sha.update(dstPrime);
            prev = sha.digest();
            System.arraycopy(prev, 0, out, off, Math.min(32, len - off));
        }
        return out;
    }
}
