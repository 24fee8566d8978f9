package seqpool.tss.frost;

import java.math.BigInteger;

import seqpool.tss.math.Secp256k1;
import seqpool.tss.share.KeyShare;

/** Round two of RFC 9591 §5.2: a signer's share z_i = d_i + e_i·ρ_i + λ_i·x_i·c. */
public final class FrostSigner {
    private FrostSigner() {
    }

    /**
     * Signs once with the nonces, which are consumed (destroyed) whatever the outcome. Checks that the package
     * carries exactly this signer's commitment and at least {@code threshold} signers.
     */
    public static SignatureShare sign(SigningPackage pkg, SigningNonces nonces, KeyShare share) {
        BigInteger[] de = nonces.consume();
        int id = share.identifier();
        if (!pkg.commitmentOf(id).equals(nonces.commitment())) {
            throw new IllegalArgumentException("the signing package carries another commitment for identifier " + id);
        }
        int threshold = share.publicKeys().threshold();
        if (pkg.commitments().size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " signers, the package has " + pkg.commitments().size());
        }
        for (int signer : pkg.signers()) {
            if (!share.publicKeys().publicShares().containsKey(signer)) {
                throw new IllegalArgumentException("signer " + signer + " is not a member of generation " + share.generation());
            }
        }
        SigningTranscript t = new SigningTranscript(pkg, share.publicKeys().groupKey());
        BigInteger z = de[0].add(de[1].multiply(t.bindingFactor(id)))
                .add(t.lambda(id).multiply(share.secret()).multiply(t.challenge())).mod(Secp256k1.N);
        return new SignatureShare(id, z);
    }
}
