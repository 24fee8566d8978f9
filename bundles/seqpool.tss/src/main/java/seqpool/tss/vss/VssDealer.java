package seqpool.tss.vss;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.Polynomial;

/**
 * A dealer's step of the VSS: a random polynomial of the receivers' threshold with the given constant term (DKG: a
 * fresh secret; reshare: λ_i·x_i), its Feldman commitment, a proof of knowledge of the constant (DKG only) and one
 * encrypted share per receiver. Not final so that tests can build Byzantine dealers; production code uses it as is.
 *
 * <p>Security: holds the polynomial until {@link #destroy()}; {@code toString} is redacted.
 */
public class VssDealer {
    private final Polynomial polynomial;

    public VssDealer(BigInteger constant, int threshold, SecureRandom random) {
        this.polynomial = Polynomial.random(constant, threshold, random);
    }

    /** The Feldman commitment [a_k·G]. */
    protected List<ECPoint> commitments() {
        return List.of(polynomial.commit());
    }

    /** f(identifier). */
    protected BigInteger shareFor(int receiverIdentifier) {
        return polynomial.evaluate(receiverIdentifier);
    }

    /** The proof of knowledge of a_0 bound to the session id. */
    protected SchnorrProof proof(byte[] sessionId, int dealerIdentifier, ECPoint c0, SecureRandom random) {
        return SchnorrProof.prove(sessionId, dealerIdentifier, polynomial.constant(), c0, random);
    }

    /** What a reshare deal carries about the old generation (tests override it to forge). */
    protected VssMessage.OldGeneration oldGeneration(VssMessage.OldGeneration honest) {
        return honest;
    }

    /**
     * Builds the deal: commitments, optional proof, shares encrypted to each receiver's ephemeral key under a fresh
     * dealing key whose public half the deal carries, and (reshare) the old generation.
     */
    final VssMessage.Deal deal(byte[] sessionId, int dealerIndex, int dealerIdentifier, boolean withProof,
            List<Address> receivers, Map<Address, ECPoint> receiverKeys, VssMessage.OldGeneration old,
            SecureRandom random) {
        List<ECPoint> cs = commitments();
        SchnorrProof pok = withProof ? proof(sessionId, dealerIdentifier, cs.get(0), random) : null;
        BigInteger dealingSecret = Secp256k1Group.randomScalar(random);
        List<byte[]> cts = new ArrayList<>();
        for (int l = 1; l <= receivers.size(); l++) {
            ECPoint k = ShareCipher.sharedPoint(dealingSecret, receiverKeys.get(receivers.get(l - 1)));
            cts.add(ShareCipher.encrypt(k, sessionId, dealerIndex, l, shareFor(l)));
        }
        return new VssMessage.Deal(cs, pok, Secp256k1Group.mulG(dealingSecret), old == null ? null : oldGeneration(old), cts);
    }

    public void destroy() {
        polynomial.destroy();
    }

    @Override
    public String toString() {
        return "VssDealer<redacted>";
    }

    /** Makes the dealer of a session; tests substitute Byzantine dealers. */
    @FunctionalInterface
    public interface Factory {
        Factory HONEST = VssDealer::new;

        VssDealer create(BigInteger constant, int threshold, SecureRandom random);
    }

    static byte[] commitHash(byte[] sessionId, int dealerIndex, byte[] dealBytes) {
        return seqpool.tss.math.HashToField.sha256(seqpool.tss.math.HashToField.concat(
                "seqpool-vss-commit".getBytes(java.nio.charset.StandardCharsets.US_ASCII), sessionId,
                new byte[] {(byte) (dealerIndex >>> 8), (byte) dealerIndex}, dealBytes));
    }

    static boolean equalHash(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
