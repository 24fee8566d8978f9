package seqpool.codec.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * secp256k1 ECDSA over 32-byte digests, Ethereum conventions: RFC 6979 nonces, s normalised to the lower half
 * (EIP-2), v = 27 + recovery id. Verification rejects high-s and out-of-range values. Stateless and thread-safe.
 */
public final class Secp256k1 {
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
    public static final BigInteger N = PARAMS.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {
    }

    /** x ‖ y (64 bytes) of d·G. */
    static Bytes publicKeyOf(BigInteger d) {
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
        return Bytes.wrap(Arrays.copyOfRange(q.getEncoded(false), 1, 65));
    }

    /** The Ethereum address of an uncompressed public key (64 bytes x ‖ y): the last 20 bytes of its Keccak-256. */
    public static Address addressOf(Bytes publicKey64) {
        if (publicKey64.size() != 64) {
            throw new IllegalArgumentException("public key must be 64 bytes (x ‖ y), got " + publicKey64.size());
        }
        decodePoint(publicKey64); // rejects points off the curve
        byte[] h = Keccak.digest(publicKey64.toArray());
        return new Address(Bytes.wrap(Arrays.copyOfRange(h, 12, 32)));
    }

    /** Decodes x ‖ y or a 33/65-byte SEC1 encoding; throws IllegalArgumentException if not a valid curve point. */
    public static ECPoint decodePoint(Bytes encoded) {
        byte[] b = encoded.toArray();
        if (b.length == 64) {
            byte[] full = new byte[65];
            full[0] = 4;
            System.arraycopy(b, 0, full, 1, 64);
            b = full;
        }
        try {
            ECPoint p = DOMAIN.getCurve().decodePoint(b);
            if (p.isInfinity() || !p.isValid()) {
                throw new IllegalArgumentException("not a valid secp256k1 point");
            }
            return p.normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid secp256k1 point", e);
        }
    }

    /**
     * ECDSA with an RFC 6979 nonce (HMAC-SHA-256). The recovery id comes from the parity of R's y coordinate (flipped
     * when s is normalised to the lower half), so signing costs one fixed-base multiplication and no recovery.
     */
    static EcdsaSignature sign(Hash32 digest, BigInteger d) {
        byte[] message = digest.value().toArray();
        BigInteger e = new BigInteger(1, message); // 256-bit digest, 256-bit order: no truncation
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, message);
        FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint bigR = comb.multiply(DOMAIN.getG(), k).normalize();
            BigInteger x = bigR.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            if (x.compareTo(N) >= 0) {
                // R.x >= n (probability ~2^-128): recovery id 2 or 3, which v = 27/28 cannot express
                throw new IllegalStateException("could not compute a recovery id");
            }
            int recId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s); // -s pairs with -R, whose y has the other parity
                recId ^= 1;
            }
            return new EcdsaSignature(to32(r), to32(s), 27 + recId);
        }
    }

    /** The signer address of a low-s signature, or empty if the signature is malformed, high-s or does not recover. */
    public static Optional<Address> recover(Hash32 digest, EcdsaSignature sig) {
        return recoverPoint(digest, sig).map(Secp256k1::addressOf);
    }

    public static boolean verify(Hash32 digest, EcdsaSignature sig, Address expected) {
        return recover(digest, sig).map(expected::equals).orElse(false);
    }

    /** The Ethereum address of a (valid, affine) public key point. */
    static Address addressOf(ECPoint q) {
        byte[] h = Keccak.digest(Arrays.copyOfRange(q.getEncoded(false), 1, 65));
        return new Address(Bytes.wrap(Arrays.copyOfRange(h, 12, 32)));
    }

    /** The public key of a low-s signature (normalised), or empty if it is malformed, high-s or does not recover. */
    static Optional<ECPoint> recoverPoint(Hash32 digest, EcdsaSignature sig) {
        BigInteger r = new BigInteger(1, sig.r().toArray());
        BigInteger s = new BigInteger(1, sig.s().toArray());
        if (!inRangeLowS(r, s)) {
            return Optional.empty();
        }
        return recoverPublicKey(digest, r, s, sig.v() - 27);
    }

    /** 0 < r < n and 0 < s ≤ n/2 (EIP-2 low s). */
    static boolean inRangeLowS(BigInteger r, BigInteger s) {
        return r.signum() > 0 && r.compareTo(N) < 0 && s.signum() > 0 && s.compareTo(HALF_N) <= 0;
    }

    /** A fresh instance of an affine point, so that its cached multiplication tables belong to its owner alone. */
    static ECPoint ownCopy(ECPoint p) {
        return DOMAIN.getCurve().createPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger());
    }

    /** SEC 1 v2 §4.1.6 public key recovery for recovery ids 0 and 1 (x = r; r ≥ p − n never happens in practice). */
    private static Optional<ECPoint> recoverPublicKey(Hash32 digest, BigInteger r, BigInteger s, int recId) {
        if (recId < 0 || recId > 1) {
            return Optional.empty();
        }
        BigInteger p = SecP256K1Curve.q;
        if (r.compareTo(p) >= 0) {
            return Optional.empty();
        }
        byte[] rx = to32(r).toArray();
        byte[] comp = new byte[33];
        comp[0] = (byte) (recId == 1 ? 3 : 2);
        System.arraycopy(rx, 0, comp, 1, 32);
        ECPoint bigR;
        try {
            bigR = DOMAIN.getCurve().decodePoint(comp);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, digest.value().toArray());
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        return Optional.of(q);
    }

    static Bytes to32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return Bytes.wrap(out);
    }
}
