package seqpool.tss.frost;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeSet;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.tss.math.Secp256k1;
import seqpool.tss.share.PublicKeyPackage;

/** The coordinator's side of RFC 9591 §5.3 and §5.4: aggregate shares, verifying each and naming culprits. */
public final class FrostAggregator {
    private FrostAggregator() {
    }

    /** verify_signature_share: z_i·G == D_i + ρ_i·E_i + (c·λ_i)·X_i. */
    public static boolean verifyShare(SigningTranscript t, SignatureShare share, ECPoint publicShare) {
        ECPoint lhs = Secp256k1.mulG(share.z());
        ECPoint rhs = t.commitmentShare(share.identifier())
                .add(publicShare.multiply(t.challenge().multiply(t.lambda(share.identifier())).mod(Secp256k1.N)));
        return lhs.equals(rhs.normalize());
    }

    /**
     * Aggregates one share per signer of the package. Fails naming every signer whose share is missing or invalid;
     * also checks the final signature.
     */
    public static FrostSignature aggregate(SigningPackage pkg, Map<Integer, SignatureShare> shares, PublicKeyPackage keys)
            throws FrostException {
        if (pkg.commitments().size() < keys.threshold()) {
            throw new IllegalArgumentException("need " + keys.threshold() + " signers, have " + pkg.commitments().size());
        }
        SigningTranscript t = new SigningTranscript(pkg, keys.groupKey());
        TreeSet<Integer> culprits = new TreeSet<>();
        BigInteger z = BigInteger.ZERO;
        for (int id : pkg.signers()) {
            SignatureShare s = shares.get(id);
            if (s == null || s.identifier() != id || !keys.publicShares().containsKey(id)
                    || !verifyShare(t, s, keys.publicShare(id))) {
                culprits.add(id);
            } else {
                z = z.add(s.z());
            }
        }
        if (!culprits.isEmpty()) {
            throw new FrostException("invalid or missing signature shares", culprits);
        }
        FrostSignature sig = new FrostSignature(t.groupCommitment(), z.mod(Secp256k1.N));
        if (!FrostVerifier.verify(keys.groupKey(), pkg.message(), sig)) {
            throw new IllegalStateException("aggregate of valid shares does not verify");
        }
        return sig;
    }
}
