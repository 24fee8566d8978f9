package seqpool.tss.vss;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.tss.TssException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.math.HashToField;
import seqpool.tss.share.KeyShare;

/**
 * One party's run of a DKG or reshare, as a pure state machine (no I/O, no clock): {@link #start()},
 * {@link #onMessage}, {@link #onTimeout()} return {@link VssEffect}s for the host.
 *
 * <p>Rounds: HELLO (each receiver's nonce + ephemeral key; session id = H(task id, every receiver's nonce and key))
 * → COMMIT (DKG dealers' hash commitments; a reshare has none, its constants are pinned) → DEAL (Feldman
 * commitments, proof, dealing key, encrypted shares, and in a reshare the old generation) → VERDICT (receivers' echo
 * of every deal and complaints) → CONFIRM (receivers sign group key + public shares with their new share). Messages
 * that arrive early are buffered, duplicates ignored, a second different message from one sender in one round is
 * equivocation. Not thread-safe: drive it from one thread.
 *
 * <p>A reshare does not need every old member: after {@link #onDealerDeadline()} a party stops waiting for deals once
 * it holds the old threshold of them, and the run completes with the dealers whose deals every receiver echoed and
 * that no check disqualified (at least the old threshold; {@link VssRound4}). Every receiver must take part.
 *
 * <p>Security: holds the ephemeral encryption key and the dealer's polynomial until the session ends; both are
 * dropped then. Nothing secret is in effects or traces.
 */
public final class VssSession {
    enum Stage { HELLO, COMMIT, DEAL, VERDICT, CONFIRM, DONE }

    private final VssConfig cfg;
    private final Address self;
    private final SecureRandom random;
    private final KeyShare oldShare;
    private final VssDealer.Factory dealerFactory;
    private final Function<Address, String> names;
    private final String traceSession;
    private final Map<Stage, Map<Address, VssMessage>> inbox = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<Address, byte[]>> raw = new EnumMap<>(Stage.class);
    private Stage stage = Stage.HELLO;
    private boolean started;
    private boolean dealerWaitOver;
    private BigInteger encSecret;
    private byte[] sid;
    private VssDealer dealer;
    private VssMessage.Deal myDeal;
    private VssRound3 round3;
    private VssRound4 round4;

    /**
     * @param oldShare this node's share of the old generation if it is a reshare dealer, else null
     * @param names    trace names of parties ("n1".."n9")
     */
    public VssSession(VssConfig cfg, Address self, KeyShare oldShare, SecureRandom random,
            Function<Address, String> names, VssDealer.Factory dealerFactory) {
        if (!cfg.parties().contains(self)) {
            throw new IllegalArgumentException(self + " is not a party of this session");
        }
        if (cfg.kind() == VssConfig.Kind.RESHARE && cfg.dealers().contains(self)) {
            if (oldShare == null || oldShare.generation() != cfg.fromGeneration()
                    || oldShare.identifier() != cfg.dealerIdentifier(self)) {
                throw new IllegalArgumentException("a reshare dealer needs its share of generation " + cfg.fromGeneration());
            }
        }
        this.cfg = cfg;
        this.self = self;
        this.oldShare = oldShare;
        this.random = random;
        this.names = names;
        this.dealerFactory = dealerFactory;
        this.traceSession = java.util.HexFormat.of().formatHex(cfg.taskId(), 0, 8);
        for (Stage s : Stage.values()) {
            inbox.put(s, new LinkedHashMap<>());
            raw.put(s, new HashMap<>());
        }
    }

    public VssConfig config() {
        return cfg;
    }

    public byte[] taskId() {
        return cfg.taskId();
    }

    /** The trace name of this session (first 8 bytes of the task id, hex). */
    public String traceSession() {
        return traceSession;
    }

    public boolean isFinished() {
        return stage == Stage.DONE;
    }

    public List<VssEffect> start() {
        if (started) {
            throw new IllegalStateException("session already started");
        }
        started = true;
        List<VssEffect> out = new ArrayList<>();
        out.add(new VssEffect.Trace(cfg.kind() == VssConfig.Kind.DKG ? "DkgStarted" : "ReshareStarted", startFields()));
        if (cfg.receivers().contains(self)) {
            encSecret = Secp256k1Group.randomScalar(random);
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            send(new VssMessage.Hello(nonce, Secp256k1Group.mulG(encSecret)), out);
        }
        advance(out);
        return out;
    }

    /**
     * The host's dealer deadline passed (reshare only; earlier than the session deadline): from now on this party
     * stops waiting for silent dealers as soon as it holds deals from the old threshold of them. No effect on a DKG.
     */
    public List<VssEffect> onDealerDeadline() {
        List<VssEffect> out = new ArrayList<>();
        if (cfg.kind() == VssConfig.Kind.RESHARE && stage != Stage.DONE) {
            dealerWaitOver = true;
            if (started) {
                advance(out);
            }
        }
        return out;
    }

    private Map<String, Object> startFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session", traceSession);
        if (cfg.kind() == VssConfig.Kind.DKG) {
            f.put("generation", 1);
            f.put("members", nameList(cfg.receivers().members()));
            f.put("threshold", cfg.receivers().threshold());
        } else {
            f.put("fromGeneration", cfg.fromGeneration());
            f.put("toGeneration", cfg.toGeneration());
            f.put("dealers", nameList(cfg.dealers()));
            f.put("newMembers", nameList(cfg.receivers().members()));
            f.put("newThreshold", cfg.receivers().threshold());
        }
        return f;
    }

    List<String> nameList(List<Address> as) {
        return as.stream().map(names).toList();
    }

    String name(Address a) {
        return names.apply(a);
    }

    String traceSessionName() {
        return traceSession;
    }

    /** Handles one message from an authenticated sender. Malformed input or equivocation aborts naming the sender. */
    public List<VssEffect> onMessage(Address from, byte[] payload) {
        List<VssEffect> out = new ArrayList<>();
        if (stage == Stage.DONE || from.equals(self) || !cfg.parties().contains(from)) {
            return out;
        }
        VssMessage m;
        try {
            m = VssMessage.decode(payload);
        } catch (MalformedMessageException e) {
            return abort(TssException.Kind.MISBEHAVIOUR, "malformed message from " + name(from) + ": " + e.getMessage(),
                    Set.of(from));
        }
        Stage s = stageOf(m);
        if (!expectedSenders(s).contains(from)) {
            return abort(TssException.Kind.MISBEHAVIOUR, name(from) + " sent a " + s + " message it must not send",
                    Set.of(from));
        }
        byte[] prev = raw.get(s).get(from);
        if (prev != null) {
            if (java.util.Arrays.equals(prev, payload)) {
                return out; // duplicate
            }
            return abort(TssException.Kind.MISBEHAVIOUR, name(from) + " sent two different " + s + " messages",
                    Set.of(from));
        }
        raw.get(s).put(from, payload.clone());
        inbox.get(s).put(from, m);
        if (started) {
            advance(out);
        }
        return out;
    }

    /** The host's timer fired: aborts naming the parties the current round still waits for. */
    public List<VssEffect> onTimeout() {
        if (stage == Stage.DONE) {
            return List.of();
        }
        TreeSet<Address> silent = new TreeSet<>(expectedSenders(stage));
        silent.removeAll(inbox.get(stage).keySet());
        if (silent.isEmpty() && stage == Stage.VERDICT && round3 != null) {
            silent.addAll(round3.missingEchoedDeals()); // a dealer that sent the receivers a deal but not this party
        }
        return abort(TssException.Kind.TIMEOUT, "timed out in round " + stage + " waiting for "
                + silent.stream().map(names).toList(), silent);
    }

    private static Stage stageOf(VssMessage m) {
        if (m instanceof VssMessage.Hello) {
            return Stage.HELLO;
        } else if (m instanceof VssMessage.Commit) {
            return Stage.COMMIT;
        } else if (m instanceof VssMessage.Deal) {
            return Stage.DEAL;
        } else if (m instanceof VssMessage.Verdict) {
            return Stage.VERDICT;
        }
        return Stage.CONFIRM;
    }

    List<Address> expectedSenders(Stage s) {
        return switch (s) {
            case HELLO, VERDICT, CONFIRM -> cfg.receivers().members();
            case COMMIT -> cfg.kind() == VssConfig.Kind.DKG ? cfg.dealers() : List.of();
            case DEAL -> cfg.dealers();
            case DONE -> List.of();
        };
    }

    /** Whether the current round has what it needs to move on. */
    private boolean ready(Stage s) {
        Set<Address> have = inbox.get(s).keySet();
        if (s == Stage.DEAL && !have.containsAll(cfg.dealers())) {
            return cfg.kind() == VssConfig.Kind.RESHARE && dealerWaitOver && have.size() >= cfg.dealersNeeded();
        }
        if (s == Stage.VERDICT && have.containsAll(expectedSenders(s))) {
            return round3.missingEchoedDeals().isEmpty();
        }
        return have.containsAll(expectedSenders(s));
    }

    void send(VssMessage m, List<VssEffect> out) {
        Stage s = stageOf(m);
        raw.get(s).put(self, m.encode());
        inbox.get(s).put(self, m);
        out.add(new VssEffect.Broadcast(m));
    }

    private void advance(List<VssEffect> out) {
        while (stage != Stage.DONE && ready(stage)) {
            Stage done = stage;
            stage = Stage.values()[stage.ordinal() + 1];
            switch (done) {
                case HELLO -> afterHello(out);
                case COMMIT -> afterCommit(out);
                case DEAL -> round3 = new VssRound3(this, out);
                case VERDICT -> {
                    round4 = new VssRound4(this, round3);
                    round4.afterVerdicts(out);
                }
                case CONFIRM -> round4.afterConfirms(out);
                default -> throw new IllegalStateException("no transition after " + done);
            }
            if (out.stream().anyMatch(e -> e instanceof VssEffect.Aborted)) {
                return;
            }
        }
    }

    private void afterHello(List<VssEffect> out) {
        WireWriter w = new WireWriter().string("seqpool-tss-session-v2").raw(cfg.taskId());
        for (Address p : cfg.receivers().members()) {
            VssMessage.Hello h = (VssMessage.Hello) inbox.get(Stage.HELLO).get(p);
            Secp256k1Group.writePoint(w.raw(p.value().toArray()).raw(h.nonce()), h.encryptionKey());
        }
        sid = HashToField.sha256(w.toByteArray());
        int idx = cfg.dealers().indexOf(self);
        if (idx < 0) {
            return;
        }
        boolean dkg = cfg.kind() == VssConfig.Kind.DKG;
        BigInteger constant = dkg ? Secp256k1Group.randomScalar(random)
                : cfg.dealerLambda(self).multiply(oldShare.secret()).mod(Secp256k1Group.N);
        dealer = dealerFactory.create(constant, cfg.receivers().threshold(), random);
        VssMessage.OldGeneration old = dkg ? null
                : new VssMessage.OldGeneration(oldShare.publicKeys(), oldShare.certificate().orElse(null));
        myDeal = dealer.deal(sid, idx + 1, cfg.dealerIdentifier(self), dkg, cfg.receivers().members(),
                encryptionKeys(), old, random);
        dealer.destroy();
        if (dkg) {
            send(new VssMessage.Commit(VssDealer.commitHash(sid, idx + 1, myDeal.encode())), out);
        } else {
            // No commit round: the constant is pinned to λ_i·X_i, so seeing others' deals first gains nothing.
            sendDeal(out);
        }
    }

    private void afterCommit(List<VssEffect> out) {
        if (myDeal != null) {
            sendDeal(out);
        }
    }

    private void sendDeal(List<VssEffect> out) {
        // Trace before sending: a receiver may act on the deal (and trace that) before this thread goes on.
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session", traceSession);
        f.put("dealer", name(self));
        out.add(new VssEffect.Trace(cfg.kind() == VssConfig.Kind.DKG ? "DkgDealt" : "ReshareDealt", f));
        send(myDeal, out);
        myDeal = null;
    }

    Map<Address, ECPoint> encryptionKeys() {
        Map<Address, ECPoint> keys = new HashMap<>();
        inbox.get(Stage.HELLO).forEach((a, m) -> keys.put(a, ((VssMessage.Hello) m).encryptionKey()));
        return keys;
    }

    // --- accessors for VssRound3 (same package) ---

    Map<Address, VssMessage> messages(Stage s) {
        return inbox.get(s);
    }

    byte[] rawMessage(Stage s, Address from) {
        return raw.get(s).get(from);
    }

    byte[] sessionId() {
        return sid;
    }

    Address self() {
        return self;
    }

    SecureRandom random() {
        return random;
    }

    BigInteger encryptionSecret() {
        return encSecret;
    }

    List<VssEffect> abort(TssException.Kind kind, String reason, Set<Address> culprits) {
        List<VssEffect> out = new ArrayList<>();
        abortInto(kind, reason, culprits, out);
        return out;
    }

    void abortInto(TssException.Kind kind, String reason, Set<Address> culprits, List<VssEffect> out) {
        stage = Stage.DONE;
        if (cfg.kind() == VssConfig.Kind.RESHARE) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("session", traceSession);
            f.put("reason", reason);
            out.add(new VssEffect.Trace("ReshareAborted", f));
        }
        out.add(new VssEffect.Aborted(kind, reason, culprits));
        wipe();
    }

    void finish() {
        stage = Stage.DONE;
        wipe();
    }

    private void wipe() {
        encSecret = null;
        if (dealer != null) {
            dealer.destroy();
        }
        myDeal = null;
        if (round3 != null) {
            round3.wipe();
        }
        if (round4 != null) {
            round4.wipe();
        }
    }

    @Override
    public String toString() {
        return "VssSession[" + cfg.kind() + " " + traceSession + " at " + stage + ", secrets <redacted>]";
    }
}
