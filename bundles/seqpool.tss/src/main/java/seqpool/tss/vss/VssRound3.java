package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Polynomial;
import seqpool.tss.vss.VssSession.Stage;

/**
 * Round three of a {@link VssSession} (after the deals): checks every deal it holds, decrypts and checks its own
 * shares, and sends the verdict (echo of every deal + complaints). {@link VssRound4} takes over from the verdicts.
 */
final class VssRound3 {
    static final byte[] NO_DEAL = new byte[32];
    private final VssSession s;
    private final VssConfig cfg;
    private final byte[] sid;
    private final boolean receiver;
    private final int myId;
    private final OldGenerationCheck oldCheck;
    private final Map<Address, DealView> views = new HashMap<>();
    private final Map<Address, BigInteger> myShares = new HashMap<>();

    /** A deal as this party received it: its echo hash and the result of the deal checks (null = passed). */
    record DealView(VssMessage.Deal deal, byte[] hash, String problem) {
    }

    VssRound3(VssSession s, List<VssEffect> out) {
        this.s = s;
        this.cfg = s.config();
        this.sid = s.sessionId();
        this.receiver = cfg.receivers().contains(s.self());
        this.myId = receiver ? cfg.receivers().identifierOf(s.self()) : 0;
        this.oldCheck = new OldGenerationCheck(cfg);
        if (!receiver) {
            return;
        }
        List<byte[]> echo = new ArrayList<>();
        for (int p = 0; p < cfg.dealers().size(); p++) {
            Address d = cfg.dealers().get(p);
            DealView v = view(d);
            echo.add(v == null ? NO_DEAL : v.hash());
            if (v != null && v.problem() == null) {
                BigInteger share = ShareCipher.decrypt(ShareCipher.sharedPoint(s.encryptionSecret(), v.deal().dealerKey()),
                        sid, p + 1, myId, v.deal().ciphertexts().get(myId - 1));
                if (share != null) {
                    myShares.put(d, share);
                }
            }
        }
        ECPoint myKey = s.encryptionKeys().get(s.self());
        List<VssMessage.Complaint> complaints = new ArrayList<>();
        for (Address d : badShares()) {
            myShares.remove(d);
            ECPoint dealerKey = view(d).deal().dealerKey();
            ECPoint k = ShareCipher.sharedPoint(s.encryptionSecret(), dealerKey);
            complaints.add(new VssMessage.Complaint(cfg.dealers().indexOf(d) + 1, k,
                    DleqProof.prove(sid, s.encryptionSecret(), myKey, dealerKey, k, s.random())));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("session", s.traceSessionName());
            f.put("accuser", s.name(s.self()));
            f.put("accused", s.name(d));
            out.add(new VssEffect.Trace("DkgComplaint", f));
        }
        s.send(new VssMessage.Verdict(echo, complaints), out);
    }

    /** The deal from {@code d} as received (checked once), or null if none arrived. */
    DealView view(Address d) {
        DealView v = views.get(d);
        byte[] bytes = s.rawMessage(Stage.DEAL, d);
        if (v == null && bytes != null) {
            int p = cfg.dealers().indexOf(d);
            VssMessage.Deal deal = (VssMessage.Deal) s.messages(Stage.DEAL).get(d);
            String problem = DealCheck.structural(cfg, sid, d, p + 1, (VssMessage.Commit) s.messages(Stage.COMMIT).get(d),
                    deal, bytes, oldCheck);
            v = new DealView(deal, HashToField.sha256(bytes), problem);
            views.put(d, v);
        }
        return v;
    }

    /**
     * Dealers (with deals that pass the checks) whose share to me is missing, zero, or off their commitment. Batch
     * check first with fresh random weights r_j (128 bits from the session's SecureRandom, new for every check):
     * (Σ_j r_j·s_j)·G == Σ_j r_j·F_j(l), F_j(l) = Σ_k C_jk·l^k. Offsets that cancel in a plain sum (+δ from one
     * dealer, −δ from another) survive the weights except with probability 2^-128. If the batch fails, every dealer
     * is checked on its own, so each bad one is named.
     */
    private List<Address> badShares() {
        List<Address> bad = new ArrayList<>();
        List<Address> checked = new ArrayList<>();
        for (Address d : cfg.dealers()) {
            DealView v = views.get(d);
            if (v == null || v.problem() != null) {
                continue;
            }
            BigInteger share = myShares.get(d);
            if (share == null || share.signum() == 0) {
                bad.add(d);
            } else {
                checked.add(d);
            }
        }
        if (checked.isEmpty()) {
            return bad;
        }
        ECPoint[] evaluated = new ECPoint[checked.size()];
        BigInteger[] weights = new BigInteger[checked.size()];
        BigInteger combined = BigInteger.ZERO;
        for (int j = 0; j < checked.size(); j++) {
            weights[j] = new BigInteger(128, s.random()).add(BigInteger.ONE);
            combined = combined.add(weights[j].multiply(myShares.get(checked.get(j))));
            evaluated[j] = Polynomial.evaluateCommitment(views.get(checked.get(j)).deal().commitments()
                    .toArray(ECPoint[]::new), myId);
        }
        if (Secp256k1Group.mulG(combined).equals(Secp256k1Group.sumOfMultiplies(evaluated, weights))) {
            return bad;
        }
        for (Address d : checked) {
            if (!DealCheck.shareMatches(views.get(d).deal().commitments(), myId, myShares.get(d))) {
                bad.add(d);
            }
        }
        return bad;
    }

    /**
     * Dealers whose deal every receiver echoed but that this party does not hold yet (only a party that is not a
     * receiver can lack one); empty until every verdict is in.
     */
    List<Address> missingEchoedDeals() {
        List<Address> missing = new ArrayList<>();
        Map<Address, VssMessage> verdicts = s.messages(Stage.VERDICT);
        if (receiver || !verdicts.keySet().containsAll(cfg.receivers().members())) {
            return missing;
        }
        for (int p = 0; p < cfg.dealers().size(); p++) {
            boolean everywhere = true;
            for (Address r : cfg.receivers().members()) {
                List<byte[]> e = ((VssMessage.Verdict) verdicts.get(r)).echo();
                everywhere &= e.size() == cfg.dealers().size() && !Arrays.equals(e.get(p), NO_DEAL);
            }
            if (everywhere && s.rawMessage(Stage.DEAL, cfg.dealers().get(p)) == null) {
                missing.add(cfg.dealers().get(p));
            }
        }
        return missing;
    }

    /** This receiver's checked shares by dealer (those it complained about removed). */
    Map<Address, BigInteger> myShares() {
        return myShares;
    }

    void wipe() {
        myShares.clear();
    }
}
