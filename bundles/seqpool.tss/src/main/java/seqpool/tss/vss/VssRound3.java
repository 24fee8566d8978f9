package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.tss.TssException;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Polynomial;
import seqpool.tss.math.Secp256k1;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;
import seqpool.tss.vss.VssSession.Stage;

/**
 * The second half of a {@link VssSession}: checks deals and sends the verdict (echo + complaints), judges every
 * complaint, derives the qualified dealers, the new share, public shares and group key, confirms, and checks every
 * receiver's confirmation.
 */
final class VssRound3 {
    private final VssSession s;
    private final VssConfig cfg;
    private final byte[] sid;
    private final List<byte[]> echo = new ArrayList<>();
    private final Set<Address> disqualified = new TreeSet<>();
    private final Set<Address> falseAccusers = new TreeSet<>();
    private final Map<Address, BigInteger> myShares = new HashMap<>();
    private final Map<Address, VssMessage.Deal> deals = new HashMap<>();
    private PublicKeyPackage publicKeys;
    private BigInteger newSecret;

    VssRound3(VssSession s, List<VssEffect> out) {
        this.s = s;
        this.cfg = s.config();
        this.sid = s.sessionId();
        boolean receiver = cfg.receivers().contains(s.self());
        int myId = receiver ? cfg.receivers().identifierOf(s.self()) : 0;
        Map<Address, ECPoint> keys = s.encryptionKeys();
        List<VssMessage.Complaint> complaints = new ArrayList<>();
        for (int p = 0; p < cfg.dealers().size(); p++) {
            Address d = cfg.dealers().get(p);
            VssMessage.Deal deal = (VssMessage.Deal) s.messages(Stage.DEAL).get(d);
            byte[] bytes = s.rawMessage(Stage.DEAL, d);
            echo.add(HashToField.sha256(bytes));
            String bad = DealCheck.structural(cfg, sid, d, p + 1,
                    (VssMessage.Commit) s.messages(Stage.COMMIT).get(d), deal, bytes);
            if (bad != null) {
                disqualified.add(d);
                continue;
            }
            deals.put(d, deal);
            if (receiver) {
                BigInteger share = ShareCipher.decrypt(ShareCipher.sharedPoint(s.encryptionSecret(), keys.get(d)), sid,
                        p + 1, myId, deal.ciphertexts().get(myId - 1));
                if (share != null) {
                    myShares.put(d, share);
                }
            }
        }
        if (receiver) {
            for (Address d : badShares(myId)) {
                myShares.remove(d);
                int p = cfg.dealers().indexOf(d);
                ECPoint k = ShareCipher.sharedPoint(s.encryptionSecret(), keys.get(d));
                complaints.add(new VssMessage.Complaint(p + 1, k, DleqProof.prove(sid, s.encryptionSecret(),
                        keys.get(s.self()), keys.get(d), k, s.random())));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("session", s.traceSessionName());
                f.put("accuser", s.name(s.self()));
                f.put("accused", s.name(d));
                out.add(new VssEffect.Trace("DkgComplaint", f));
            }
        }
        if (receiver) {
            s.send(new VssMessage.Verdict(echo, complaints), out);
        }
    }

    /**
     * Dealers (well-formed deals only) whose share to me is missing or does not match their commitment. Batch check
     * first: (Σ_j s_j)·G == Σ_k (Σ_j C_jk)·l^k; only if that fails is every dealer checked on its own.
     */
    private List<Address> badShares(int myId) {
        List<Address> bad = new ArrayList<>();
        int t = cfg.receivers().threshold();
        ECPoint[] sum = new ECPoint[t];
        Arrays.fill(sum, Secp256k1.identity());
        BigInteger total = BigInteger.ZERO;
        for (Address d : cfg.dealers()) {
            if (!deals.containsKey(d)) {
                continue;
            }
            BigInteger share = myShares.get(d);
            if (share == null) {
                bad.add(d);
                continue;
            }
            total = total.add(share);
            List<ECPoint> cs = deals.get(d).commitments();
            for (int k = 0; k < t; k++) {
                sum[k] = sum[k].add(cs.get(k));
            }
        }
        if (Secp256k1.mulG(total).equals(Polynomial.evaluateCommitment(sum, myId))) {
            return bad;
        }
        for (Address d : cfg.dealers()) {
            if (deals.containsKey(d) && myShares.containsKey(d)
                    && !DealCheck.shareMatches(deals.get(d).commitments(), myId, myShares.get(d))) {
                bad.add(d);
            }
        }
        return bad;
    }

    void afterVerdicts(List<VssEffect> out) {
        Map<Address, ECPoint> keys = s.encryptionKeys();
        for (Address r : cfg.receivers().members()) {
            VssMessage.Verdict v = (VssMessage.Verdict) s.messages(Stage.VERDICT).get(r);
            if (v.echo().size() != cfg.dealers().size()) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(r) + " sent a malformed echo", Set.of(r), out);
                return;
            }
            for (int p = 0; p < echo.size(); p++) {
                if (!Arrays.equals(echo.get(p), v.echo().get(p))) {
                    Address d = cfg.dealers().get(p);
                    s.abortInto(TssException.Kind.MISBEHAVIOUR, "inconsistent broadcast: " + s.name(r)
                            + " saw another deal from " + s.name(d) + " (one of them lied)", Set.of(d, r), out);
                    return;
                }
            }
        }
        for (Address accuser : cfg.receivers().members()) {
            VssMessage.Verdict v = (VssMessage.Verdict) s.messages(Stage.VERDICT).get(accuser);
            for (VssMessage.Complaint c : v.complaints()) {
                judge(accuser, c, keys);
            }
        }
        if (cfg.kind() == VssConfig.Kind.RESHARE && !disqualified.isEmpty()) {
            Set<Address> culprits = new TreeSet<>(disqualified);
            culprits.addAll(falseAccusers);
            s.abortInto(TssException.Kind.MISBEHAVIOUR, "reshare dealers disqualified: "
                    + s.nameList(List.copyOf(disqualified)), culprits, out);
            return;
        }
        List<Address> qual = cfg.dealers().stream().filter(d -> !disqualified.contains(d)).toList();
        if (qual.isEmpty()) {
            s.abortInto(TssException.Kind.MISBEHAVIOUR, "no qualified dealer", disqualified, out);
            return;
        }
        int t = cfg.receivers().threshold();
        ECPoint[] sum = new ECPoint[t];
        Arrays.fill(sum, Secp256k1.identity());
        for (Address d : qual) {
            List<ECPoint> cs = deals.get(d).commitments();
            for (int k = 0; k < t; k++) {
                sum[k] = sum[k].add(cs.get(k));
            }
        }
        for (int k = 0; k < t; k++) {
            sum[k] = sum[k].normalize();
        }
        ECPoint groupKey = sum[0];
        if (groupKey.isInfinity() || (cfg.kind() == VssConfig.Kind.RESHARE && !groupKey.equals(cfg.expectedGroupKey()))) {
            s.abortInto(TssException.Kind.MISBEHAVIOUR, "dealt constant terms do not sum to the expected group key",
                    Set.of(), out);
            return;
        }
        Map<Integer, ECPoint> publics = new TreeMap<>();
        for (int id = 1; id <= cfg.receivers().size(); id++) {
            publics.put(id, Polynomial.evaluateCommitment(sum, id));
        }
        publicKeys = new PublicKeyPackage(groupKey, publics, t);
        if (!cfg.receivers().contains(s.self())) {
            return;
        }
        int myId = cfg.receivers().identifierOf(s.self());
        BigInteger x = BigInteger.ZERO;
        for (Address d : qual) {
            BigInteger share = myShares.get(d);
            if (share == null) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, "no valid share from qualified dealer " + s.name(d)
                        + " although my complaint was rejected", Set.of(d), out);
                return;
            }
            x = x.add(share);
        }
        newSecret = x.mod(Secp256k1.N);
        if (!Secp256k1.mulG(newSecret).equals(publicKeys.publicShare(myId))) {
            s.abortInto(TssException.Kind.MISBEHAVIOUR, "new share does not match its public share", Set.of(), out);
            return;
        }
        if (cfg.kind() == VssConfig.Kind.RESHARE) {
            // Traced before the confirmation leaves: a member that completes on it traces its completion after this.
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("session", s.traceSessionName());
            f.put("member", s.name(s.self()));
            out.add(new VssEffect.Trace("ReshareAcked", f));
        }
        byte[] digest = publicKeys.digest();
        s.send(new VssMessage.Confirm(digest, SchnorrProof.prove(confirmContext(digest), myId, newSecret,
                publicKeys.publicShare(myId), s.random())), out);
    }

    /** Judges one complaint the same way on every honest party. */
    private void judge(Address accuser, VssMessage.Complaint c, Map<Address, ECPoint> keys) {
        if (c.dealer() < 1 || c.dealer() > cfg.dealers().size()) {
            falseAccusers.add(accuser);
            return;
        }
        Address d = cfg.dealers().get(c.dealer() - 1);
        if (disqualified.contains(d)) {
            return;
        }
        if (!c.proof().verify(sid, keys.get(accuser), keys.get(d), c.sharedKey())) {
            falseAccusers.add(accuser);
            return;
        }
        int l = cfg.receivers().identifierOf(accuser);
        VssMessage.Deal deal = deals.get(d);
        BigInteger share = ShareCipher.decrypt(c.sharedKey(), sid, c.dealer(), l, deal.ciphertexts().get(l - 1));
        if (DealCheck.shareMatches(deal.commitments(), l, share)) {
            falseAccusers.add(accuser);
        } else {
            disqualified.add(d);
        }
    }

    private byte[] confirmContext(byte[] digest) {
        return HashToField.concat("seqpool-vss-confirm".getBytes(java.nio.charset.StandardCharsets.US_ASCII), sid, digest);
    }

    void afterConfirms(List<VssEffect> out) {
        byte[] digest = publicKeys.digest();
        for (Address r : cfg.receivers().members()) {
            VssMessage.Confirm c = (VssMessage.Confirm) s.messages(Stage.CONFIRM).get(r);
            int id = cfg.receivers().identifierOf(r);
            if (!Arrays.equals(c.publicKeysDigest(), digest)
                    || !c.signature().verify(confirmContext(digest), id, publicKeys.publicShare(id))) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(r) + " confirmed another key or signed badly",
                        Set.of(r), out);
                return;
            }
        }
        KeyShare share = newSecret == null ? null
                : new KeyShare(cfg.receivers().identifierOf(s.self()), cfg.toGeneration(), newSecret, publicKeys);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session", s.traceSessionName());
        f.put("generation", cfg.toGeneration());
        if (cfg.kind() == VssConfig.Kind.DKG) {
            f.put("groupKey", java.util.HexFormat.of().formatHex(publicKeys.groupKeyBytes()));
            out.add(new VssEffect.Trace("DkgCompleted", f));
        } else {
            out.add(new VssEffect.Trace("ReshareCompleted", f));
        }
        Set<Address> culprits = new TreeSet<>(disqualified);
        culprits.addAll(falseAccusers);
        int erasable = cfg.kind() == VssConfig.Kind.RESHARE && cfg.oldCommittee().contains(s.self()) ? cfg.fromGeneration() : 0;
        out.add(new VssEffect.Completed(share, publicKeys, cfg.toGeneration(), culprits, erasable));
        s.finish();
    }

    void wipe() {
        myShares.clear();
        newSecret = null;
    }
}
