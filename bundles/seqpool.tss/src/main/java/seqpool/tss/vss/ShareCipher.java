package seqpool.tss.vss;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;

/**
 * Encrypts a share from dealer i to receiver l and authenticates it: K = ECDH(e_i, E_l) on secp256k1 with the session's
 * ephemeral keys, key = HKDF-SHA256(ikm = K, salt = session id, info = "seqpool-tss-share" ‖ i ‖ l), AES-256-GCM with
 * AAD = session id ‖ i ‖ l. Each key encrypts exactly one message, so the all-zero IV is never reused.
 */
public final class ShareCipher {
    private static final byte[] INFO = "seqpool-tss-share".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ShareCipher() {
    }

    static byte[] aad(byte[] sessionId, int dealer, int receiver) {
        return HashToField.concat(sessionId, new byte[] {(byte) (dealer >>> 8), (byte) dealer, (byte) (receiver >>> 8),
                (byte) receiver});
    }

    static byte[] key(ECPoint shared, byte[] sessionId, int dealer, int receiver) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(Secp256k1Group.encode(shared), sessionId,
                HashToField.concat(INFO, aad(new byte[0], dealer, receiver))));
        byte[] k = new byte[32];
        hkdf.generateBytes(k, 0, 32);
        return k;
    }

    /** ECDH: ownSecret·peerPublic with the constant-time multiplier. */
    public static ECPoint sharedPoint(BigInteger ownSecret, ECPoint peerPublic) {
        return Secp256k1Group.mulSecret(peerPublic, ownSecret);
    }

    public static byte[] encrypt(ECPoint shared, byte[] sessionId, int dealer, int receiver, BigInteger share) {
        byte[] k = key(shared, sessionId, dealer, receiver);
        byte[] pt = Secp256k1Group.encodeScalar(share);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, new byte[12]));
            c.updateAAD(aad(sessionId, dealer, receiver));
            return c.doFinal(pt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(pt, (byte) 0);
        }
    }

    /** The share, or null if the ciphertext does not authenticate or is not a canonical scalar. */
    public static BigInteger decrypt(ECPoint shared, byte[] sessionId, int dealer, int receiver, byte[] ciphertext) {
        byte[] k = key(shared, sessionId, dealer, receiver);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, new byte[12]));
            c.updateAAD(aad(sessionId, dealer, receiver));
            byte[] pt = c.doFinal(ciphertext);
            try {
                return Secp256k1Group.decodeScalar(pt);
            } finally {
                Arrays.fill(pt, (byte) 0);
            }
        } catch (javax.crypto.AEADBadTagException | seqpool.codec.crypto.InvalidEncodingException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
