package seqpool.submitter.sign;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.contracts.digest.PoolSignatureEncoding;

/**
 * Takes part in the batch signing tasks this node was chosen for, once per attempt: re-derives the batch
 * ({@link Rederivation}), checks that the digest the pool asks for is BatchInbox's digest of that header (computed here
 * from this node's own L1 parameters), and only then contributes its FROST share; a mismatch is refused through the
 * pool with its reason. The aggregate signature (verified by the TSS aggregator, RFC 9591 verify) goes to
 * {@code onSigned} with this node's posting rank. Called from the submitter's thread; TSS results come back on it.
 */
public final class BatchSigner {
    private static final System.Logger LOG = System.getLogger(BatchSigner.class.getName());

    /** A batch the pool signed, in the contract's signature encoding, with this node's posting rank. */
    public record Signed(BuiltBatch batch, Bytes l1Signature, int rank) {
    }

    /** BatchInbox's digest of a header for this node's L1 (chain id and inbox address). */
    public interface DigestRule {
        Bytes digest(seqpool.api.submitter.BatchHeader header);
    }

    private final Rederivation rederivation;
    private final PosService pos;
    private final ThresholdKeyService tss;
    private final KeyId keyId;
    private final Address self;
    private final DigestRule digests;
    private final Executor thread;
    private final Consumer<Signed> onSigned;
    private final Set<String> handled = new HashSet<>();
    private final java.util.concurrent.atomic.LongAdder refused = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder signed = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();

    public BatchSigner(Rederivation rederivation, PosService pos, ThresholdKeyService tss, KeyId keyId, Address self,
            DigestRule digests, Executor thread, Consumer<Signed> onSigned) {
        this.rederivation = rederivation;
        this.pos = pos;
        this.tss = tss;
        this.keyId = keyId;
        this.self = self;
        this.digests = digests;
        this.thread = thread;
        this.onSigned = onSigned;
    }

    public void consider(PosTask t) {
        if (t.kind() != PosTaskKind.SIGN_BATCH) {
            return;
        }
        BatchTask bt;
        try {
            bt = BatchTask.of(t);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable batch task " + t.id() + ": " + e.getMessage());
            return;
        }
        String key = t.id() + "#" + t.attempt();
        if (!bt.signers().contains(self) || handled.contains(key)) {
            return;
        }
        Rederivation.Verdict v = rederivation.check(bt);
        if (v instanceof Rederivation.Verdict.NotYet) {
            return; // asked again on the next tick; the attempt times out if this node never catches up
        }
        remember(key);
        if (v instanceof Rederivation.Verdict.Mismatch m) {
            refused.increment();
            pos.refuseBatch(t, "batch " + bt.index() + ": " + m.reason());
            return;
        }
        BuiltBatch mine = ((Rederivation.Verdict.Match) v).batch();
        Bytes expected = digests.digest(mine.header());
        if (!expected.equals(bt.digest())) {
            refused.increment();
            pos.refuseBatch(t, "batch " + bt.index() + ": the pool asks to sign digest " + bt.digest().toHex()
                    + ", BatchInbox's digest of this header is " + expected.toHex());
            return;
        }
        LOG.log(System.Logger.Level.INFO, "batch " + bt.index() + " (L2 " + mine.header().firstL2Block() + ".."
                + mine.header().lastL2Block() + ") re-derived and matches; signing (attempt " + t.attempt() + ")");
        int rank = bt.rank(self);
        tss.sign(keyId, SignatureScheme.FROST_SECP256K1_SHA256, bt.digest(), new TreeSet<>(bt.signers()))
                .whenComplete((sig, err) -> thread.execute(() -> {
                    if (err != null) {
                        failed.increment();
                        LOG.log(System.Logger.Level.WARNING, "signing batch " + bt.index() + " attempt " + t.attempt()
                                + " failed: " + (err.getCause() != null ? err.getCause().getMessage() : err.getMessage()));
                        return;
                    }
                    signed.increment();
                    Bytes l1 = Bytes.wrap(PoolSignatureEncoding.frostFromRfc9591(sig.value().toArray()));
                    onSigned.accept(new Signed(mine, l1, rank));
                }));
    }

    /** Batch proposals this node refused after re-deriving them (its refusal went to the pool). */
    public long refusedCount() {
        return refused.sum();
    }

    /** Threshold signatures of batches this node took part in that completed. */
    public long signedCount() {
        return signed.sum();
    }

    /** Threshold signings of batches this node took part in that failed (timeout, a signer missing, bad share). */
    public long failedCount() {
        return failed.sum();
    }

    private void remember(String key) {
        if (handled.size() > 10_000) {
            handled.clear(); // bounded; an old attempt asked again is closed by the pool anyway
        }
        handled.add(key);
    }
}
