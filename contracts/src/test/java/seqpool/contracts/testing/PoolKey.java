package seqpool.contracts.testing;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.contracts.digest.PoolSignatureEncoding;

/**
 * A pool key held in one piece, for tests: signs a digest with ECDSA (web3j, RFC 6979, low s) or produces the
 * FROST(secp256k1, SHA-256) signature the threshold protocol would aggregate to (R = kG, z = k + c·sk), which the
 * contracts verify with the same equation as a multi-party FROST signature.
 */
public final class PoolKey {
    private final ECKeyPair keyPair;
    private final ECPoint publicKey;
    private final SecureRandom random;

    private PoolKey(ECKeyPair keyPair, SecureRandom random) {
        this.keyPair = keyPair;
        this.publicKey = CurvePoints.fromPublicKey(keyPair.getPublicKey());
        this.random = random;
    }

    /** A fresh key whose x coordinate is below n (the contracts require it for FROST verification). */
    public static PoolKey generate(SecureRandom random) {
        try {
            while (true) {
                ECKeyPair kp = Keys.createEcKeyPair(random);
                PoolKey k = new PoolKey(kp, random);
                if (CurvePoints.x(k.publicKey).compareTo(Secp256k1Group.N) < 0) {
                    return k;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] pubkey64() {
        return CurvePoints.pubkey64(publicKey);
    }

    public ECPoint point() {
        return publicKey;
    }

    public String address() {
        return "0x" + Keys.getAddress(keyPair.getPublicKey());
    }

    public byte[] ecdsa(byte[] digest) {
        Sign.SignatureData s = Sign.signMessage(digest, keyPair, false);
        return PoolSignatureEncoding.ecdsa(new BigInteger(1, s.getR()), new BigInteger(1, s.getS()), s.getV()[0]);
    }

    /** The same ECDSA signature with s replaced by n - s (and v flipped): valid math, rejected as high-s. */
    public byte[] ecdsaHighS(byte[] digest) {
        Sign.SignatureData s = Sign.signMessage(digest, keyPair, false);
        BigInteger high = Secp256k1Group.N.subtract(new BigInteger(1, s.getS()));
        return PoolSignatureEncoding.ecdsa(new BigInteger(1, s.getR()), high, s.getV()[0] == 27 ? 28 : 27);
    }

    public byte[] frost(byte[] message) {
        BigInteger k = new BigInteger(256, random).mod(Secp256k1Group.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        ECPoint r = Secp256k1Group.G.multiply(k).normalize();
        BigInteger c = Rfc9591Challenge.challenge(r, publicKey, message);
        BigInteger z = k.add(c.multiply(keyPair.getPrivateKey())).mod(Secp256k1Group.N);
        return PoolSignatureEncoding.frost(CurvePoints.x(r), CurvePoints.y(r), z);
    }

    public byte[] frostCompressed(byte[] message) {
        byte[] full = frost(message);
        BigInteger rx = new BigInteger(1, java.util.Arrays.copyOfRange(full, 1, 33));
        BigInteger ry = new BigInteger(1, java.util.Arrays.copyOfRange(full, 33, 65));
        ECPoint r = Secp256k1Group.CURVE.createPoint(rx, ry);
        byte[] rfc = new byte[65];
        System.arraycopy(r.getEncoded(true), 0, rfc, 0, 33);
        System.arraycopy(full, 65, rfc, 33, 32);
        return PoolSignatureEncoding.frostCompressed(rfc);
    }
}
