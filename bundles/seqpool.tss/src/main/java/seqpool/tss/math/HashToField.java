package seqpool.tss.math;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * RFC 9380 §5.3.1 expand_message_xmd with SHA-256 and §5.2 hash_to_field for one element of the secp256k1 scalar
 * field (L = 48), as RFC 9591 §6.5 uses for H1, H2, H3. Stateless and thread-safe.
 */
public final class HashToField {
    private static final int B_IN_BYTES = 32;
    private static final int S_IN_BYTES = 64;
    private static final int L = 48;

    private HashToField() {
    }

    public static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
        if (dst.length > 255) {
            // RFC 9380 §5.3.3: oversize DSTs are hashed first.
            dst = sha256(concat("H2C-OVERSIZE-DST-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), dst));
        }
        int ell = (lenInBytes + B_IN_BYTES - 1) / B_IN_BYTES;
        if (ell > 255 || lenInBytes > 65535) {
            throw new IllegalArgumentException("len_in_bytes too large for expand_message_xmd");
        }
        byte[] dstPrime = concat(dst, new byte[] {(byte) dst.length});
        byte[] lib = new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes};
        MessageDigest h = sha();
        h.update(new byte[S_IN_BYTES]);
        h.update(msg);
        h.update(lib);
        h.update((byte) 0);
        h.update(dstPrime);
        byte[] b0 = h.digest();
        h.update(b0);
        h.update((byte) 1);
        h.update(dstPrime);
        byte[] bi = h.digest();
        ByteArrayOutputStream out = new ByteArrayOutputStream(ell * B_IN_BYTES);
        out.writeBytes(bi);
        for (int i = 2; i <= ell; i++) {
            byte[] x = new byte[B_IN_BYTES];
            for (int j = 0; j < B_IN_BYTES; j++) {
                x[j] = (byte) (b0[j] ^ bi[j]);
            }
            h.update(x);
            h.update((byte) i);
            h.update(dstPrime);
            bi = h.digest();
            out.writeBytes(bi);
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, lenInBytes);
    }

    /** hash_to_field(msg, 1) into Z_n with the given DST. */
    public static BigInteger hashToScalar(byte[] msg, byte[] dst) {
        return new BigInteger(1, expandMessageXmd(msg, dst, L)).mod(Secp256k1Group.N);
    }

    public static byte[] sha256(byte[] data) {
        return sha().digest(data);
    }

    static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
