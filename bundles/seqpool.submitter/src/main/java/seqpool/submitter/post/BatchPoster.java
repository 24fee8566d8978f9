package seqpool.submitter.post;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.identity.NodeSigner;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.Submission;
import seqpool.api.submitter.SubmissionStatus;

/**
 * Posts signed batches to BatchInbox, each from this node's rank on: rank 0 (the designated submitter) at once, rank r
 * after r × submitTimeout, so a fallback posts only when the ones before it did not. Every step starts from L1:
 * a batch L1 already holds is never sent again (no double pay), a dry run must pass before a transaction is paid for,
 * a transaction unmined after {@code bumpAfterMs} is replaced with higher fees (REPLACED), and a mined one that leaves
 * the canonical chain is posted again (REORGED). A job ends when the pool has committed the batch as on L1 (the
 * bridge's confirmed event). L1 failures are retried with backoff; nothing is lost. Called from one thread.
 */
public final class BatchPoster {
    private static final System.Logger LOG = System.getLogger(BatchPoster.class.getName());
    private static final int KEEP_FINISHED = 256;

    private final L1Port l1;
    private final NodeSigner signer;
    private final Address inbox;
    private final PostingPolicy policy;
    private final LongPredicate committed;
    private final TreeMap<Long, PostJob> jobs = new TreeMap<>();
    private final Map<Long, Submission> finished = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Submission> e) {
            return size() > KEEP_FINISHED;
        }
    };
    private long chainId;
    private final PosterStats stats = new PosterStats();

    /** @param committed whether the pool has committed batch {@code index} as on L1 */
    public BatchPoster(L1Port l1, NodeSigner signer, Address inbox, PostingPolicy policy, LongPredicate committed) {
        this.l1 = l1;
        this.signer = signer;
        this.inbox = inbox;
        this.policy = policy;
        this.committed = committed;
    }

    /** A signed batch this node posts from {@code rank} on (a second offer for the same index changes nothing). */
    public void offer(BuiltBatch batch, Bytes l1Signature, int rank, long nowMs) {
        long index = batch.header().batchIndex();
        if (rank < 0 || jobs.containsKey(index) || finished.containsKey(index) || committed.test(index)) {
            return;
        }
        PostJob j = new PostJob(batch, AppendBatchCall.encode(batch, l1Signature), rank,
                nowMs + rank * policy.submitTimeoutMs());
        jobs.put(index, j);
        LOG.log(System.Logger.Level.INFO, "batch " + index + " signed; posting at rank " + rank
                + (rank == 0 ? " (designated submitter)" : " (fallback after " + rank * policy.submitTimeoutMs() + " ms)"));
    }

    /** What this poster did so far (for metrics). */
    public PosterStats stats() {
        return stats;
    }

    public Optional<Submission> submission(long index) {
        PostJob j = jobs.get(index);
        return j != null ? Optional.of(j.snapshot()) : Optional.ofNullable(finished.get(index));
    }

    /** One step of every job. */
    public void tick(long nowMs) {
        for (PostJob j : new ArrayList<>(jobs.values())) {
            if (committed.test(j.index())) {
                j.status = SubmissionStatus.CONFIRMED;
                if (j.mined != null) {
                    stats.confirmedOwn.increment();
                    stats.confirmedPaid().add(j.mined.cost());
                } else {
                    stats.confirmedOther.increment();
                }
                j.detail = "on L1 and committed by the pool" + (j.lastTxHash == null ? " (posted by another member)" : "");
                finish(j);
                continue;
            }
            if (nowMs < j.startAtMs || nowMs < j.retryAtMs) {
                continue;
            }
            try {
                step(j, nowMs);
                j.failures = 0;
            } catch (IOException | RuntimeException e) {
                j.failures++;
                stats.l1Errors.increment();
                long delay = Math.min(30_000, 500L << Math.min(j.failures, 6));
                j.retryAtMs = nowMs + delay;
                j.detail = "L1 error (retry in " + delay + " ms): " + e.getMessage();
                LOG.log(System.Logger.Level.WARNING, "batch " + j.index() + ": " + j.detail);
            }
        }
    }

    private void step(PostJob j, long now) throws IOException {
        if (j.sent != null) {
            watch(j, now);
            return;
        }
        long onL1 = l1.lastBatchIndex();
        if (onL1 >= j.index()) {
            if (j.status != SubmissionStatus.SENT || j.lastTxHash == null) {
                j.status = SubmissionStatus.SENT;
                j.detail = "L1 already holds batch " + j.index() + ": not sent again";
            }
            return; // wait for the pool to commit it, or for a reorg to take it away
        }
        if (onL1 < j.index() - 1) {
            j.detail = "waiting for batch " + (j.index() - 1) + " on L1 (L1 holds " + onL1 + ")";
            return;
        }
        List<seqpool.api.common.Hash32> blobHashes = j.batch.header().data().kind() == DataCommitment.Kind.BLOB
                ? j.batch.header().data().hashes() : List.of();
        L1Port.Estimate est = l1.estimate(j.calldata, blobHashes);
        if (est.revert().isPresent()) {
            j.status = SubmissionStatus.FAILED;
            j.detail = "dry run reverts, not sent: " + est.revert().get();
            stats.dryRunReverts.increment();
            j.retryAtMs = now + Math.max(1_000, policy.submitTimeoutMs());
            LOG.log(System.Logger.Level.WARNING, "batch " + j.index() + ": " + j.detail);
            return;
        }
        PostingPolicy.FeeCaps caps = policy.initial(l1.fees());
        send(j, l1.pendingNonce(), caps, policy.gasLimit(est.gas()), now, SubmissionStatus.SENT);
    }

    /** A sent transaction: mined (and still canonical), reverted, or stuck long enough to bump. */
    private void watch(PostJob j, long now) throws IOException {
        PostJob.Sent s = j.sent;
        Optional<L1Port.Receipt> r = Optional.empty();
        for (seqpool.api.common.Hash32 h : s.all()) {
            r = l1.receipt(h);
            if (r.isPresent()) {
                break;
            }
        }
        if (r.isPresent()) {
            L1Port.Receipt rc = r.get();
            Optional<seqpool.api.common.Hash32> canonical = l1.blockHash(rc.block());
            if (canonical.isEmpty() || !canonical.get().equals(rc.blockHash())) {
                reorged(j, "its L1 block " + rc.block() + " left the canonical chain");
                return;
            }
            if (!rc.ok()) {
                stats.reverted.increment();
                stats.revertedPaid().add(rc.cost());
                j.sent = null;
                j.mined = null;
                j.status = SubmissionStatus.FAILED;
                j.detail = "transaction " + s.hash() + " reverted in L1 block " + rc.block();
                j.retryAtMs = now + 1_000;
                LOG.log(System.Logger.Level.WARNING, "batch " + j.index() + ": " + j.detail);
                return;
            }
            if (j.mined == null || !j.mined.blockHash().equals(rc.blockHash())) {
                j.mined = rc;
                j.status = SubmissionStatus.SENT;
                j.detail = "mined in L1 block " + rc.block() + " (" + s.hash() + "); waiting for confirmations";
                LOG.log(System.Logger.Level.INFO, "batch " + j.index() + " " + j.detail);
            }
            return;
        }
        if (j.mined != null) {
            reorged(j, "transaction " + s.hash() + " is no longer in L1 block " + j.mined.block());
            return;
        }
        if (l1.lastBatchIndex() >= j.index()) {
            return; // another member's transaction holds it: ours can only revert now; the pool will commit theirs
        }
        if (now - s.sentAtMs() >= policy.bumpAfterMs()) {
            PostingPolicy.FeeCaps caps = policy.bumped(s.caps(), l1.fees());
            send(j, s.nonce(), caps, s.gasLimit(), now, SubmissionStatus.REPLACED);
        }
    }

    private void reorged(PostJob j, String why) {
        j.sent = null;
        j.mined = null;
        j.status = SubmissionStatus.REORGED;
        stats.reorged.increment();
        j.detail = "reorganised out of L1 (" + why + "); posting again";
        LOG.log(System.Logger.Level.WARNING, "batch " + j.index() + ": " + j.detail);
    }

    private void send(PostJob j, long nonce, PostingPolicy.FeeCaps caps, long gas, long now, SubmissionStatus as)
            throws IOException {
        if (chainId == 0) {
            chainId = l1.chainId();
        }
        TypedTx tx = TypedTx.sign(new TypedTx.Params(chainId, nonce, caps.maxPriorityFeePerGas(), caps.maxFeePerGas(),
                gas, inbox, j.calldata, caps.maxFeePerBlobGas(), j.batch.blobs()), signer);
        Optional<String> refused = l1.send(tx.raw());
        if (refused.isPresent()) {
            stats.refused.increment();
            j.sent = as == SubmissionStatus.REPLACED ? j.sent : null; // a refused replacement leaves the first in place
            j.retryAtMs = now + 1_000;
            j.detail = "L1 refused the transaction (nonce " + nonce + "): " + refused.get();
            LOG.log(System.Logger.Level.WARNING, "batch " + j.index() + ": " + j.detail);
            return;
        }
        List<seqpool.api.common.Hash32> replaced = new ArrayList<>();
        if (as == SubmissionStatus.REPLACED && j.sent != null) {
            replaced.addAll(j.sent.all());
        }
        j.sent = new PostJob.Sent(nonce, caps, gas, tx.hash(), now, List.copyOf(replaced));
        (as == SubmissionStatus.REPLACED ? stats.replaced : stats.sent).increment();
        j.lastTxHash = tx.hash();
        j.status = as;
        j.detail = (as == SubmissionStatus.REPLACED ? "replaced with higher fees: " : "sent: ") + tx.hash() + " (nonce "
                + nonce + ", max fee " + caps.maxFeePerGas() + ", tip " + caps.maxPriorityFeePerGas()
                + (j.batch.blobs().isEmpty() ? "" : ", blob fee " + caps.maxFeePerBlobGas() + ", "
                        + j.batch.blobs().size() + " blob(s)") + ")";
        LOG.log(System.Logger.Level.INFO, "batch " + j.index() + " " + j.detail);
    }

    private void finish(PostJob j) {
        jobs.remove(j.index());
        finished.put(j.index(), j.snapshot());
        LOG.log(System.Logger.Level.INFO, "batch " + j.index() + " confirmed: " + j.detail);
    }
}
