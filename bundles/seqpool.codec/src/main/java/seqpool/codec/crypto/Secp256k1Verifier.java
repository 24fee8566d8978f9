package seqpool.codec.crypto;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * Checks that an address signed a digest, with the same answers as {@link Secp256k1#verify} (recovery, then address
 * comparison) but cheaper for signers seen before: the first valid signature of an address is checked by recovery,
 * which yields its public key; later signatures of that address are checked by plain ECDSA verification against the
 * remembered key, whose (wide) multiplication tables stay cached on the point.
 *
 * <p>Equivalence: for a known key Q the check is R' = (e/s)·G + (r/s)·Q with R'.x = r (not merely r mod n) and the parity
 * of R'.y equal to v − 27. That R' is exactly the point recovery would decode from (r, v), and recovery from it yields
 * Q; so a signature passes here iff it recovers to the address. Low-s and range rules are the same.
 *
 * <p>Thread-safe. Each instance keeps its own copy of the generator, so instances used by different threads do not
 * contend on the generator's precomputation lock. The key memory is bounded ({@value #MAX_KEYS} signers; cleared when
 * full, after which keys are learnt again by recovery).
 */
public final class Secp256k1Verifier {
    /** Bounds memory: each remembered key carries two 64-point tables (≈ 20 KB). */
    static final int MAX_KEYS = 1024;
    /**
     * wNAF width of the cached tables. BouncyCastle's multiplication uses a point's cached table up to width 8 when
     * one exists (it would build width 5 for 128-bit GLV halves); 8 means fewer additions, ≈ 18 % less time per check.
     */
    static final int TABLE_WIDTH = 8;
    private final ECPoint generator = Secp256k1.ownCopy(Secp256k1.DOMAIN.getG());
    private final Map<Address, ECPoint> keys = new ConcurrentHashMap<>();

    public Secp256k1Verifier() {
        WNafUtil.precompute(generator, TABLE_WIDTH, true);
    }

    public boolean verify(Hash32 digest, EcdsaSignature sig, Address signer) {
        ECPoint q = keys.get(signer);
        if (q == null) {
            return learn(digest, sig, signer);
        }
        BigInteger r = new BigInteger(1, sig.r().toArray());
        BigInteger s = new BigInteger(1, sig.s().toArray());
        int recId = sig.v() - 27;
        if (!Secp256k1.inRangeLowS(r, s) || recId < 0 || recId > 1) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest.value().toArray());
        BigInteger w = s.modInverse(Secp256k1.N);
        ECPoint bigR = ECAlgorithms.sumOfTwoMultiplies(generator, e.multiply(w).mod(Secp256k1.N), q,
                r.multiply(w).mod(Secp256k1.N)).normalize();
        return !bigR.isInfinity() && bigR.getAffineXCoord().toBigInteger().equals(r)
                && bigR.getAffineYCoord().testBitZero() == (recId == 1);
    }

    /** How many signers' keys are remembered (for tests and metrics). */
    public int knownSigners() {
        return keys.size();
    }

    private boolean learn(Hash32 digest, EcdsaSignature sig, Address signer) {
        Optional<ECPoint> q = Secp256k1.recoverPoint(digest, sig);
        if (q.isEmpty() || !Secp256k1.addressOf(q.get()).equals(signer)) {
            return false;
        }
        if (keys.size() >= MAX_KEYS) {
            keys.clear();
        }
        ECPoint own = Secp256k1.ownCopy(q.get());
        WNafUtil.precompute(own, TABLE_WIDTH, true);
        keys.put(signer, own);
        return true;
    }
}
