package seqpool.tss.frost;

import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.KeyShare;

/**
 * Round two of RFC 9591 §5.2: a signer's share z_i = d_i + e_i·ρ_i + λ_i·x_i·c.
 *
 * <p>Security: the arithmetic on d_i, e_i and x_i uses {@link BigInteger}, which is not constant-time (see
 * docs/tss.md, "Constant time").
 */
public final class FrostSigner {
    private FrostSigner() {
    }

    /**
     * Signs once with the nonces, which are consumed (destroyed) whatever the outcome. The package is peer input and
     * is checked first: it must carry exactly this signer's commitment, at least {@code threshold} signers, only
     * members of the share's generation, and a group commitment other than the identity; otherwise the typed
     * {@link InvalidSigningPackageException} names the identifiers at fault.
     */
    public static SignatureShare sign(SigningPackage pkg, SigningNonces nonces, KeyShare share)
            throws InvalidSigningPackageException {
        BigInteger[] de = nonces.consume();
        int id = share.identifier();
        if (!pkg.signers().contains(id) || !pkg.commitmentOf(id).equals(nonces.commitment())) {
            throw new InvalidSigningPackageException(InvalidSigningPackageException.Reason.NOT_MY_COMMITMENT,
                    "the package does not carry this signer's commitment for identifier " + id, Set.of());
        }
        int threshold = share.publicKeys().threshold();
        if (pkg.commitments().size() < threshold) {
            throw new InvalidSigningPackageException(InvalidSigningPackageException.Reason.TOO_FEW_SIGNERS,
                    "need " + threshold + " signers, the package has " + pkg.commitments().size(), Set.of());
        }
        Set<Integer> strangers = new TreeSet<>();
        for (int signer : pkg.signers()) {
            if (!share.publicKeys().publicShares().containsKey(signer)) {
                strangers.add(signer);
            }
        }
        if (!strangers.isEmpty()) {
            throw new InvalidSigningPackageException(InvalidSigningPackageException.Reason.UNKNOWN_SIGNER,
                    "signers " + strangers + " are not members of generation " + share.generation(), strangers);
        }
        SigningTranscript t = new SigningTranscript(pkg, share.publicKeys().groupKey());
        BigInteger z = de[0].add(de[1].multiply(t.bindingFactor(id)))
                .add(t.lambda(id).multiply(share.secret()).multiply(t.challenge())).mod(Secp256k1Group.N);
        return new SignatureShare(id, z);
    }
}
