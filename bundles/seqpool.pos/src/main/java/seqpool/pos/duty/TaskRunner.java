package seqpool.pos.duty;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.api.tss.TssException;
import seqpool.pos.state.Addresses;
import seqpool.pos.tx.SignedBody;
import seqpool.pos.tx.SignedTxFactory;

/**
 * Carries out each open task this node takes part in, once per attempt: keygen and reshare through the TSS service
 * (then reports the outcome through consensus), pool signatures (then posts them through {@link L1Poster}), and
 * double-sign evidence (posted). Work runs on one duty thread; TSS results arrive asynchronously and are handed back
 * to it. A node that restarts picks up the open tasks from the committed state.
 */
public final class TaskRunner implements PosListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

    private final PosService pos;
    private final ConsensusEngine engine;
    private final ThresholdKeyService tss;
    private final L1Poster poster;
    private final SignedTxFactory txs;
    private final KeyId keyId;
    private final ScheduledExecutorService duty;
    private final Set<String> started = new HashSet<>();
    private AutoCloseable subscription;

    public TaskRunner(PosService pos, ConsensusEngine engine, ThresholdKeyService tss, L1Poster poster,
            SignedTxFactory txs, KeyId keyId, ScheduledExecutorService duty) {
        this.pos = pos;
        this.engine = engine;
        this.tss = tss;
        this.poster = poster;
        this.txs = txs;
        this.keyId = keyId;
        this.duty = duty;
    }

    public void start() {
        subscription = pos.subscribe(this);
        duty.execute(() -> pos.openTasks().forEach(this::run));
        duty.scheduleWithFixedDelay(() -> pos.openTasks().forEach(this::run), 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void onTask(PosTask task) {
        duty.execute(() -> run(task));
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }

    private void run(PosTask t) {
        if (pos.status().height() < 1) {
            return; // before the pool's first block its members may still be starting: their TSS would miss messages
        }
        Address self = txs.self();
        if (!participants(t).contains(self) || !started.add(t.id() + "#" + t.attempt())) {
            return;
        }
        if (started.size() > 10_000) {
            started.clear(); // bounded memory; a re-run of an old attempt is refused by the pool anyway
            started.add(t.id() + "#" + t.attempt());
        }
        LOG.log(System.Logger.Level.INFO, "task " + t.id() + " attempt " + t.attempt() + " (" + t.kind() + ")");
        switch (t.kind()) {
            case KEYGEN -> keygen(t);
            case RESHARE -> reshare(t);
            case SIGN_EPOCH, SIGN_JAIL, SIGN_SLASH, SIGN_REWARDS -> sign(t);
            case REPORT_DOUBLE_SIGN -> poster.post(t, Bytes.EMPTY, rank(t, "posters"));
            default -> {
            }
        }
    }

    private static List<Address> participants(PosTask t) {
        Map<String, String> p = t.params();
        return switch (t.kind()) {
            case KEYGEN -> Addresses.parse(p.get("committee"));
            case RESHARE -> {
                Set<Address> all = new java.util.TreeSet<>(Addresses.parse(p.get("old")));
                all.addAll(Addresses.parse(p.get("new")));
                yield List.copyOf(all);
            }
            case REPORT_DOUBLE_SIGN -> Addresses.parse(p.get("posters"));
            default -> Addresses.parse(p.get("signers"));
        };
    }

    private int rank(PosTask t, String key) {
        return Addresses.parse(t.params().get(key)).indexOf(txs.self());
    }

    private void keygen(PosTask t) {
        Committee c = new Committee(Addresses.parse(t.params().get("committee")),
                Integer.parseInt(t.params().get("threshold")));
        long session = Long.parseLong(t.params().get("session"));
        existing(c, 1).ifPresentOrElse(info -> report(t, info),
                () -> tss.generate(keyId, c, session).whenComplete((info, err) -> duty.execute(() -> {
                    if (err == null) {
                        report(t, info);
                    } else {
                        fail(t, err);
                    }
                })));
    }

    private void reshare(PosTask t) {
        Map<String, String> p = t.params();
        Committee old = new Committee(Addresses.parse(p.get("old")), Integer.parseInt(p.get("oldThreshold")));
        Committee next = new Committee(Addresses.parse(p.get("new")), Integer.parseInt(p.get("newThreshold")));
        int from = Integer.parseInt(p.get("fromGeneration"));
        long session = Long.parseLong(p.get("session"));
        var done = existing(next, from + 1);
        if (done.isPresent()) {
            report(t, done.get());
            return;
        }
        tss.reshare(keyId, old, from, next, Bytes.fromHex(p.get("groupKey")), session)
                .whenComplete((info, err) -> duty.execute(() -> {
                    if (err != null) {
                        fail(t, err);
                    } else if (next.contains(txs.self())) {
                        report(t, info);
                    }
                }));
    }

    /** A generation this node already holds for that committee (it finished before a restart). */
    private java.util.Optional<KeyInfo> existing(Committee c, int generation) {
        try {
            return tss.status(keyId).filter(k -> k.generation() >= generation && k.committee().equals(c));
        } catch (TssException e) {
            return java.util.Optional.empty();
        }
    }

    private void sign(PosTask t) {
        Set<Address> signers = new java.util.TreeSet<>(Addresses.parse(t.params().get("signers")));
        Bytes digest = Bytes.fromHex(t.params().get("digest"));
        tss.sign(keyId, SignatureScheme.FROST_SECP256K1_SHA256, digest, signers)
                .whenComplete((sig, err) -> duty.execute(() -> {
                    if (err != null) {
                        fail(t, err);
                    } else {
                        poster.post(t, sig.value(), rank(t, "posters"));
                    }
                }));
    }

    private void report(PosTask t, KeyInfo info) {
        submit(new SignedBody.TaskReport(t.id(), t.attempt(), true, info.groupKey(), info.generation(), List.of()));
    }

    private void fail(PosTask t, Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        List<Address> culprits = cause instanceof TssException te ? List.copyOf(te.culprits()) : List.of();
        LOG.log(System.Logger.Level.WARNING, "task " + t.id() + " attempt " + t.attempt() + " failed: "
                + cause.getMessage());
        submit(new SignedBody.TaskReport(t.id(), t.attempt(), false, Bytes.EMPTY, 0, culprits));
    }

    private void submit(SignedBody body) {
        var r = engine.submit(txs.sign(body));
        LOG.log(System.Logger.Level.DEBUG, "submitted " + body.getClass().getSimpleName() + ": " + r);
    }
}
