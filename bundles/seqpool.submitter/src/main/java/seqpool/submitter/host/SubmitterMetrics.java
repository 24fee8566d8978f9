package seqpool.submitter.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.pos.PostedBatch;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.submitter.post.PosterStats;
import seqpool.submitter.sign.BatchSigner;

/**
 * The batch submitter's metrics: how far L1 lags the L2 chain (in blocks, and the age of the oldest L2 block not yet
 * in a batch the pool committed as on L1), the safe and finalized L2 heads, the batches and their L1 transactions by
 * outcome, re-derivations refused, threshold signings by outcome, and the L1 gas and fees this node paid. Read at
 * each scrape from the poster's and signer's counters, the pool's posted batches and the chain.
 */
final class SubmitterMetrics implements MetricSource {
    private final PosterStats poster;
    private final BatchSigner signer;
    private final L2Chain chain;
    private final SubmitterComponent heads;
    private final java.util.function.Supplier<List<PostedBatch>> posted;
    private final LongSupplier clock;

    SubmitterMetrics(PosterStats poster, BatchSigner signer, L2Chain chain, SubmitterComponent heads,
            java.util.function.Supplier<List<PostedBatch>> posted, LongSupplier clock) {
        this.poster = poster;
        this.signer = signer;
        this.chain = chain;
        this.heads = heads;
        this.posted = posted;
        this.clock = clock;
    }

    @Override
    public void collect(MetricSink sink) {
        long safe = heads.safeL2Block();
        long head = chain.headNumber();
        List<PostedBatch> batches = posted.get();
        sink.gauge("seqpool_submitter_last_l2_block_on_l1",
                "Last L2 block in a batch the pool committed as on L1 (the safe head)", safe);
        sink.gauge("seqpool_submitter_finalized_l2_block", "Last L2 block in a batch whose L1 block is finalized",
                heads.finalizedL2Block());
        sink.gauge("seqpool_submitter_last_batch_index", "Index of the last batch the pool committed as on L1",
                batches.isEmpty() ? -1 : batches.get(batches.size() - 1).index());
        sink.gauge("seqpool_submitter_batch_lag_blocks", "L2 blocks this node holds that no batch on L1 holds yet",
                Math.max(0, head - safe));
        Optional<L2Block> oldest = head > safe ? chain.block(safe + 1) : Optional.empty();
        sink.gauge("seqpool_submitter_batch_lag_seconds",
                "Age of the oldest L2 block not yet in a batch on L1 (0 when every block is)",
                oldest.map(b -> Math.max(0, clock.getAsLong() - b.timestampMillis()) / 1e3).orElse(0.0));
        String txHelp = "L1 transactions this node's poster handled, by outcome";
        tx(sink, txHelp, "sent", poster.sent());
        tx(sink, txHelp, "replaced", poster.replaced());
        tx(sink, txHelp, "refused", poster.refused());
        tx(sink, txHelp, "reverted", poster.reverted());
        tx(sink, txHelp, "dry_run_reverted", poster.dryRunReverts());
        String batchHelp = "Batches this node was to post that the pool committed as on L1, by who posted them";
        sink.counter("seqpool_submitter_batches", batchHelp, Map.of("posted_by", "self"), poster.confirmedOwn());
        sink.counter("seqpool_submitter_batches", batchHelp, Map.of("posted_by", "other"), poster.confirmedOther());
        sink.counter("seqpool_submitter_reorged_batches", "Batches of this node reorganised out of L1 and posted again",
                poster.reorged());
        sink.counter("seqpool_submitter_l1_errors", "L1 calls of the poster that failed (retried with backoff)",
                poster.l1Errors());
        paid(sink, "confirmed", poster.confirmedPaid());
        paid(sink, "reverted", poster.revertedPaid());
        sink.counter("seqpool_submitter_refused_batches",
                "Batch proposals this node refused after re-deriving them from its own chain", signer.refusedCount());
        String signHelp = "Threshold signings of batches this node took part in, by outcome";
        sink.counter("seqpool_submitter_signings", signHelp, Map.of("outcome", "signed"), signer.signedCount());
        sink.counter("seqpool_submitter_signings", signHelp, Map.of("outcome", "failed"), signer.failedCount());
    }

    private static void tx(MetricSink sink, String help, String outcome, long n) {
        sink.counter("seqpool_submitter_l1_transactions", help, Map.of("outcome", outcome), n);
    }

    private static void paid(MetricSink sink, String outcome, PosterStats.Paid p) {
        Map<String, String> l = Map.of("outcome", outcome);
        sink.counter("seqpool_submitter_l1_gas_used", "L1 gas this node's batch transactions used", l, p.gas());
        sink.counter("seqpool_submitter_l1_blob_gas_used", "L1 blob gas this node's batch transactions used", l,
                p.blobGas());
        sink.counter("seqpool_submitter_l1_fees_wei", "L1 fees (gas and blob gas, in wei) this node paid for batches",
                l, p.wei().doubleValue());
    }
}
