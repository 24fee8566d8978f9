package seqpool.tss.frost;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeSet;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.PublicKeyPackage;

/** The coordinator's side of RFC 9591 §5.3 and §5.4: aggregate shares, verifying each and naming culprits. */
public final class FrostAggregator {
    private FrostAggregator() {
    }

    /** verify_signature_share: z_i·G == D_i + ρ_i·E_i + (c·λ_i)·X_i. */
    public static boolean verifyShare(SigningTranscript t, SignatureShare share, ECPoint publicShare) {
        ECPoint lhs = Secp256k1Group.mulG(share.z());
        ECPoint rhs = t.commitmentShare(share.identifier())
                .add(Secp256k1Group.mul(publicShare, t.challenge().multiply(t.lambda(share.identifier()))));
        return lhs.equals(rhs.normalize());
    }

    /**
     * Aggregates one share per signer of the package (RFC 9591 §5.3). The aggregate is checked first; if it does not
     * verify, every share is verified (verify_signature_share) and the call fails naming each signer whose share is
     * missing or invalid, so a valid signature costs one verification and a bad one is always attributed.
     */
    public static FrostSignature aggregate(SigningPackage pkg, Map<Integer, SignatureShare> shares, PublicKeyPackage keys)
            throws FrostException {
        if (pkg.commitments().size() < keys.threshold()) {
            throw new InvalidSigningPackageException(InvalidSigningPackageException.Reason.TOO_FEW_SIGNERS,
                    "need " + keys.threshold() + " signers, have " + pkg.commitments().size(), java.util.Set.of());
        }
        SigningTranscript t = new SigningTranscript(pkg, keys.groupKey());
        TreeSet<Integer> culprits = new TreeSet<>();
        BigInteger z = BigInteger.ZERO;
        for (int id : pkg.signers()) {
            SignatureShare s = shares.get(id);
            if (s == null || s.identifier() != id || !keys.publicShares().containsKey(id)) {
                culprits.add(id);
            } else {
                z = z.add(s.z());
            }
        }
        if (culprits.isEmpty()) {
            FrostSignature sig = new FrostSignature(t.groupCommitment(), z.mod(Secp256k1Group.N));
            if (FrostVerifier.verify(keys.groupKey(), pkg.message(), sig)) {
                return sig;
            }
        }
        for (int id : pkg.signers()) {
            SignatureShare s = shares.get(id);
            if (s != null && !culprits.contains(id) && !verifyShare(t, s, keys.publicShare(id))) {
                culprits.add(id);
            }
        }
        if (culprits.isEmpty()) {
            throw new IllegalStateException("every share verifies but the aggregate does not");
        }
        throw new FrostException("invalid or missing signature shares", culprits);
    }
}
