package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.Polynomial;

/**
 * The checks every party applies to a dealer's deal; each failure disqualifies that dealer, the same for all: they
 * read only the deal's bytes (which the echo check makes identical at every receiver) and the session's public
 * configuration, never what only some parties know (such as their own copy of the old public shares).
 */
final class DealCheck {
    private DealCheck() {
    }

    /**
     * Null if the deal is well-formed and its proofs hold, else the reason. {@code commit} is the dealer's round-1
     * hash commitment (DKG only; a reshare has no commit round).
     */
    static String structural(VssConfig cfg, byte[] sid, Address dealer, int dealerIndex, VssMessage.Commit commit,
            VssMessage.Deal deal, byte[] dealBytes, OldGenerationCheck oldCheck) {
        if (cfg.kind() == VssConfig.Kind.DKG && (commit == null
                || !VssDealer.equalHash(commit.hash(), VssDealer.commitHash(sid, dealerIndex, dealBytes)))) {
            return "deal does not match its round-1 hash commitment";
        }
        if (deal.commitments().size() != cfg.receivers().threshold()) {
            return "commitment has " + deal.commitments().size() + " terms, threshold is " + cfg.receivers().threshold();
        }
        if (deal.ciphertexts().size() != cfg.receivers().size()) {
            return "deal has " + deal.ciphertexts().size() + " shares for " + cfg.receivers().size() + " receivers";
        }
        ECPoint c0 = deal.commitments().get(0);
        if (cfg.kind() == VssConfig.Kind.DKG) {
            if (deal.old() != null) {
                return "a DKG deal carries no old generation";
            }
            if (deal.proof() == null || !deal.proof().verify(sid, cfg.dealerIdentifier(dealer), c0)) {
                return "invalid proof of knowledge";
            }
            return null;
        }
        if (deal.proof() != null) {
            return "unexpected proof in a reshare deal";
        }
        if (deal.old() == null) {
            return "a reshare deal must carry the old generation's public keys";
        }
        String old = oldCheck.problem(deal.old());
        if (old != null) {
            return old;
        }
        ECPoint expected = Secp256k1Group.mul(deal.old().keys().publicShare(cfg.dealerIdentifier(dealer)),
                cfg.dealerLambda(dealer));
        if (!expected.equals(c0)) {
            return "commitment to the constant term is not λ_i·X_i of the old public share";
        }
        return null;
    }

    /** Whether share·G equals the commitment evaluated at the receiver's identifier (a zero share never does). */
    static boolean shareMatches(List<ECPoint> commitments, int receiver, BigInteger share) {
        return share != null && share.signum() > 0
                && Secp256k1Group.mulG(share).equals(Polynomial.evaluateCommitment(commitments.toArray(ECPoint[]::new), receiver));
    }
}
