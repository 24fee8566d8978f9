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
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Lagrange;
import seqpool.tss.math.Polynomial;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;
import seqpool.tss.vss.VssSession.Stage;

/**
 * Round four of a {@link VssSession} (after the verdicts): agrees on the qualified dealers, judges every complaint,
 * derives the new share, public shares and group key, confirms, and checks every receiver's confirmation.
 *
 * <p>Qualified set (QUAL), the same at every party because it depends only on broadcast data: the dealers whose deal
 * every receiver echoed with the same hash, minus those a deal check or an upheld complaint disqualified. A DKG's
 * receivers wait for every deal, so QUAL is every dealer not disqualified. A reshare completes with any QUAL of at
 * least the old threshold: dealer i dealt λ_i·x_i with λ over all dealers D, so its contribution is weighted by
 * w_i = λ_i^QUAL / λ_i^D, and Σ_QUAL w_i·λ_i^D·x_i = Σ_QUAL λ_i^QUAL·x_i = x.
 */
final class VssRound4 {
    private final VssSession s;
    private final VssRound3 r3;
    private final VssConfig cfg;
    private final byte[] sid;
    private final boolean receiver;
    private final int myId;
    private final Set<Address> disqualified = new TreeSet<>();
    private final Set<Address> falseAccusers = new TreeSet<>();
    private final List<Address> present = new ArrayList<>();
    private PublicKeyPackage publicKeys;
    private BigInteger newSecret;

    VssRound4(VssSession s, VssRound3 r3) {
        this.s = s;
        this.r3 = r3;
        this.cfg = s.config();
        this.sid = s.sessionId();
        this.receiver = cfg.receivers().contains(s.self());
        this.myId = receiver ? cfg.receivers().identifierOf(s.self()) : 0;
    }

    void afterVerdicts(List<VssEffect> out) {
        if (!agreeOnDeals(out)) {
            return;
        }
        Map<Address, ECPoint> keys = s.encryptionKeys();
        for (Address accuser : cfg.receivers().members()) {
            VssMessage.Verdict v = (VssMessage.Verdict) s.messages(Stage.VERDICT).get(accuser);
            for (VssMessage.Complaint c : v.complaints()) {
                judge(accuser, c, keys);
            }
        }
        if (cfg.kind() == VssConfig.Kind.RESHARE) {
            excludeUncertifiedOldGenerations();
        }
        List<Address> qual = present.stream().filter(d -> !disqualified.contains(d)).toList();
        if (qual.size() < cfg.dealersNeeded()) {
            Set<Address> culprits = new TreeSet<>(disqualified);
            culprits.addAll(falseAccusers);
            TssException.Kind kind = TssException.Kind.MISBEHAVIOUR;
            if (culprits.isEmpty()) {
                kind = TssException.Kind.TIMEOUT;
                culprits.addAll(cfg.dealers().stream().filter(d -> !present.contains(d)).toList());
            }
            s.abortInto(kind, qual.size() + " qualified dealers, " + cfg.dealersNeeded() + " needed; disqualified: "
                    + s.nameList(List.copyOf(disqualified)), culprits, out);
            return;
        }
        Map<Address, BigInteger> weights = weights(qual);
        if (!combine(qual, weights, out)) {
            return;
        }
        if (!receiver) {
            return;
        }
        BigInteger x = BigInteger.ZERO;
        for (Address d : qual) {
            BigInteger share = r3.myShares().get(d);
            if (share == null) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, "no valid share from qualified dealer " + s.name(d)
                        + " although my complaint was rejected", Set.of(d), out);
                return;
            }
            x = x.add(weights.get(d).multiply(share));
        }
        newSecret = x.mod(Secp256k1Group.N);
        if (!Secp256k1Group.mulG(newSecret).equals(publicKeys.publicShare(myId))) {
            // Unreachable by any dealer's doing: every share in QUAL was checked against its own commitment.
            s.abortInto(TssException.Kind.LOCAL, "new share does not match its public share", Set.of(), out);
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
        s.send(new VssMessage.Confirm(digest, SchnorrProof.prove(confirmContext(sid, digest), myId, newSecret,
                publicKeys.publicShare(myId), s.random())), out);
    }

    /**
     * Compares every receiver's echo: sets {@link #present} (dealers echoed by all with one hash) and applies the
     * deal checks to them. Two different hashes for one dealer abort naming the dealer and the dissenting receiver
     * (one of them lied); so does a DKG echo that lacks a deal (DKG receivers wait for every deal).
     */
    private boolean agreeOnDeals(List<VssEffect> out) {
        for (Address r : cfg.receivers().members()) {
            if (((VssMessage.Verdict) s.messages(Stage.VERDICT).get(r)).echo().size() != cfg.dealers().size()) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(r) + " sent a malformed echo", Set.of(r), out);
                return false;
            }
        }
        for (int p = 0; p < cfg.dealers().size(); p++) {
            Address d = cfg.dealers().get(p);
            byte[] agreed = null;
            boolean everywhere = true;
            for (Address r : cfg.receivers().members()) {
                byte[] e = ((VssMessage.Verdict) s.messages(Stage.VERDICT).get(r)).echo().get(p);
                if (Arrays.equals(e, VssRound3.NO_DEAL)) {
                    if (cfg.kind() == VssConfig.Kind.DKG) {
                        s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(r) + " echoed no deal from " + s.name(d),
                                Set.of(r), out);
                        return false;
                    }
                    everywhere = false;
                } else if (agreed == null) {
                    agreed = e;
                } else if (!Arrays.equals(agreed, e)) {
                    s.abortInto(TssException.Kind.MISBEHAVIOUR, "inconsistent broadcast: " + s.name(r)
                            + " saw another deal from " + s.name(d) + " (one of them lied)", Set.of(d, r), out);
                    return false;
                }
            }
            if (!everywhere || agreed == null) {
                continue;
            }
            VssRound3.DealView v = r3.view(d);
            if (v == null || !Arrays.equals(v.hash(), agreed)) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(d) + " sent this party another deal than the receivers",
                        Set.of(d), out);
                return false;
            }
            present.add(d);
            if (v.problem() != null) {
                disqualified.add(d);
            }
        }
        return true;
    }

    /**
     * A certified old generation is the real one (see {@link ConfirmationCertificate}); once one qualified deal
     * carries it, a deal that carries other old public keys (uncertified, so its λ_i·X_i check proved nothing) is
     * disqualified. Deterministic: the reference is the lowest qualified dealer's certified package.
     */
    private void excludeUncertifiedOldGenerations() {
        byte[] reference = null;
        for (Address d : present) {
            VssMessage.OldGeneration old = r3.view(d).deal().old();
            if (!disqualified.contains(d) && old.certificate() != null) {
                reference = old.keys().digest();
                break;
            }
        }
        if (reference == null) {
            return;
        }
        for (Address d : present) {
            if (!disqualified.contains(d) && !Arrays.equals(reference, r3.view(d).deal().old().keys().digest())) {
                disqualified.add(d);
            }
        }
    }

    /** w_i = λ_i^QUAL / λ_i^D (reshare), 1 (DKG). */
    private Map<Address, BigInteger> weights(List<Address> qual) {
        Map<Address, BigInteger> w = new HashMap<>();
        List<Integer> ids = qual.stream().map(cfg::dealerIdentifier).toList();
        for (Address d : qual) {
            w.put(d, cfg.kind() == VssConfig.Kind.DKG ? BigInteger.ONE
                    : Lagrange.coefficientAtZero(cfg.dealerIdentifier(d), ids)
                            .multiply(cfg.dealerLambda(d).modInverse(Secp256k1Group.N)).mod(Secp256k1Group.N));
        }
        return w;
    }

    /** The new commitment Σ_QUAL w_i·C_i, group key, public shares; false if it aborted. */
    private boolean combine(List<Address> qual, Map<Address, BigInteger> weights, List<VssEffect> out) {
        int t = cfg.receivers().threshold();
        ECPoint[] sum = new ECPoint[t];
        for (int k = 0; k < t; k++) {
            ECPoint[] cs = new ECPoint[qual.size()];
            BigInteger[] ws = new BigInteger[qual.size()];
            for (int j = 0; j < qual.size(); j++) {
                cs[j] = r3.view(qual.get(j)).deal().commitments().get(k);
                ws[j] = weights.get(qual.get(j));
            }
            sum[k] = weights.values().stream().allMatch(BigInteger.ONE::equals)
                    ? Arrays.stream(cs).reduce(Secp256k1Group.identity(), ECPoint::add).normalize()
                    : Secp256k1Group.sumOfMultiplies(cs, ws);
        }
        ECPoint groupKey = sum[0];
        if (groupKey.isInfinity() || (cfg.kind() == VssConfig.Kind.RESHARE && !groupKey.equals(cfg.expectedGroupKey()))) {
            s.abortInto(TssException.Kind.MISBEHAVIOUR, "dealt constant terms do not sum to the expected group key",
                    Set.of(), out);
            return false;
        }
        Map<Integer, ECPoint> publics = new TreeMap<>();
        for (int id = 1; id <= cfg.receivers().size(); id++) {
            publics.put(id, Polynomial.evaluateCommitment(sum, id));
        }
        publicKeys = new PublicKeyPackage(groupKey, publics, t);
        return true;
    }

    /** Judges one complaint the same way on every honest party. */
    private void judge(Address accuser, VssMessage.Complaint c, Map<Address, ECPoint> keys) {
        if (c.dealer() < 1 || c.dealer() > cfg.dealers().size()) {
            falseAccusers.add(accuser);
            return;
        }
        Address d = cfg.dealers().get(c.dealer() - 1);
        if (!present.contains(d) || disqualified.contains(d)) {
            return;
        }
        VssMessage.Deal deal = r3.view(d).deal();
        if (!c.proof().verify(sid, keys.get(accuser), deal.dealerKey(), c.sharedKey())) {
            falseAccusers.add(accuser);
            return;
        }
        int l = cfg.receivers().identifierOf(accuser);
        BigInteger share = ShareCipher.decrypt(c.sharedKey(), sid, c.dealer(), l, deal.ciphertexts().get(l - 1));
        if (DealCheck.shareMatches(deal.commitments(), l, share)) {
            falseAccusers.add(accuser);
        } else {
            disqualified.add(d);
        }
    }

    /** What a confirmation signs: "seqpool-vss-confirm" ‖ session id ‖ digest of the public key package. */
    static byte[] confirmContext(byte[] sessionId, byte[] digest) {
        return HashToField.concat("seqpool-vss-confirm".getBytes(java.nio.charset.StandardCharsets.US_ASCII), sessionId,
                digest);
    }

    void afterConfirms(List<VssEffect> out) {
        byte[] digest = publicKeys.digest();
        List<byte[]> signatures = new ArrayList<>();
        for (Address r : cfg.receivers().members()) {
            VssMessage.Confirm c = (VssMessage.Confirm) s.messages(Stage.CONFIRM).get(r);
            int id = cfg.receivers().identifierOf(r);
            if (!Arrays.equals(c.publicKeysDigest(), digest)
                    || !c.signature().verify(confirmContext(sid, digest), id, publicKeys.publicShare(id))) {
                s.abortInto(TssException.Kind.MISBEHAVIOUR, s.name(r) + " confirmed another key or signed badly",
                        Set.of(r), out);
                return;
            }
            signatures.add(c.signature().encode());
        }
        ConfirmationCertificate certificate = new ConfirmationCertificate(sid, signatures);
        KeyShare share = newSecret == null ? null : new KeyShare(myId, cfg.toGeneration(), newSecret, publicKeys,
                certificate);
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
        newSecret = null;
    }
}
