package seqpool.contracts.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * Test-side reference of RFC 9591 H2 for FROST(secp256k1, SHA-256): hash_to_field with expand_message_xmd (SHA-256,
 * L = 48, DST = "FROST-secp256k1-SHA256-v1chal"), reduced mod n; input enc(R) || enc(PK) || msg (compressed SEC1).
 * Independent of the Solidity code it checks.
 */
public final class Rfc9591Challenge {
    private static final byte[] DST = "FROST-secp256k1-SHA256-v1chal".getBytes(StandardCharsets.US_ASCII);

    private Rfc9591Challenge() {
    }

    public static BigInteger challenge(ECPoint r, ECPoint pk, byte[] message) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(r.getEncoded(true));
        m.writeBytes(pk.getEncoded(true));
        m.writeBytes(message);
        byte[] uniform = expandMessageXmd(m.toByteArray(), 48);
        return new BigInteger(1, uniform).mod(Secp256k1Group.N);
    }

    static byte[] expandMessageXmd(byte[] msg, int len) {
        byte[] dstPrime = concat(DST, new byte[] {(byte) DST.length});
        byte[] msgPrime = concat(new byte[64], msg, new byte[] {(byte) (len >> 8), (byte) len, 0}, dstPrime);
        byte[] b0 = sha256(msgPrime);
        byte[] out = new byte[len];
        byte[] prev = sha256(concat(b0, new byte[] {1}, dstPrime));
        int off = 0;
        for (int i = 2; ; i++) {
            int n = Math.min(32, len - off);
            System.arraycopy(prev, 0, out, off, n);
            off += n;
            if (off == len) {
                return out;
            }
            byte[] x = new byte[32];
            for (int j = 0; j < 32; j++) {
                x[j] = (byte) (b0[j] ^ prev[j]);
            }
            prev = sha256(concat(x, new byte[] {(byte) i}, dstPrime));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
