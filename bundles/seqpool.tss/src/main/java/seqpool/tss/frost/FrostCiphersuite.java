package seqpool.tss.frost;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;

/** RFC 9591 §6.5 FROST(secp256k1, SHA-256): context string and the hash functions H1–H5. */
public final class FrostCiphersuite {
    public static final String CONTEXT_STRING = "FROST-secp256k1-SHA256-v1";

    private FrostCiphersuite() {
    }

    private static byte[] dst(String tag) {
        return (CONTEXT_STRING + tag).getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] RHO = dst("rho");
    private static final byte[] CHAL = dst("chal");
    private static final byte[] NONCE = dst("nonce");
    private static final byte[] MSG = dst("msg");
    private static final byte[] COM = dst("com");
    private static final byte[] DKG = dst("dkg");

    public static BigInteger h1(byte[] m) {
        return HashToField.hashToScalar(m, RHO);
    }

    public static BigInteger h2(byte[] m) {
        return HashToField.hashToScalar(m, CHAL);
    }

    public static BigInteger h3(byte[] m) {
        return HashToField.hashToScalar(m, NONCE);
    }

    public static byte[] h4(byte[] m) {
        return HashToField.sha256(HashToField.concat(MSG, m));
    }

    public static byte[] h5(byte[] m) {
        return HashToField.sha256(HashToField.concat(COM, m));
    }

    /** The DKG proof-of-knowledge hash (ZF frost's HDKG: hash_to_field with DST context ‖ "dkg"). */
    public static BigInteger hdkg(byte[] m) {
        return HashToField.hashToScalar(m, DKG);
    }

    /** RFC 9591 §4.1 nonce_generate with caller-supplied 32 random bytes. */
    public static BigInteger nonceGenerate(byte[] random32, BigInteger secret) {
        if (random32.length != 32) {
            throw new IllegalArgumentException("nonce randomness is 32 bytes");
        }
        return h3(HashToField.concat(random32, Secp256k1Group.encodeScalar(secret)));
    }
}
