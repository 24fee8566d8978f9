package seqpool.submitter.propose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.pos.PostedBatch;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.EncodedBatch;
import seqpool.submitter.cut.BatchCutter;
import seqpool.submitter.cut.CutDecision;

/**
 * Proposes the next batch through the pool when the cut rule says it is due. The range starts right after the last
 * batch L1 holds (as committed by the pool) and ends within the pool's committed L2 head, so every signer can hold it.
 * Rank order: the current producer, then the pool key's committee in address order; rank r proposes once the batch
 * has been due for r × {@code submitTimeoutMs} and nothing is being signed. Called from the submitter's thread.
 */
public final class BatchProposer {
    private static final System.Logger LOG = System.getLogger(BatchProposer.class.getName());
    /** Most pending blocks one decision looks at (a batch is cut from their prefix). */
    static final int MAX_LOOKAHEAD = 4_096;

    private final BatchCodec codec;
    private final L2Chain chain;
    private final PosService pos;
    private final Address self;
    private final long firstL2Block;
    private final BatchCutter cutter;
    private final Function<Bytes, DataCommitment.Kind> kindFor;
    private final long submitTimeoutMs;
    private long dueSinceMs = -1;
    private long proposedIndex;
    private long proposedAtMs;
    private long oversizedWarnedAt = -1;

    public BatchProposer(BatchCodec codec, L2Chain chain, PosService pos, Address self, long firstL2Block,
            BatchCutter cutter, Function<Bytes, DataCommitment.Kind> kindFor, long submitTimeoutMs) {
        this.codec = codec;
        this.chain = chain;
        this.pos = pos;
        this.self = self;
        this.firstL2Block = firstL2Block;
        this.cutter = cutter;
        this.kindFor = kindFor;
        this.submitTimeoutMs = submitTimeoutMs;
    }

    public void tick(long nowMs) {
        if (pos.openTasks().stream().anyMatch(t -> t.kind() == PosTaskKind.SIGN_BATCH)) {
            dueSinceMs = -1;
            return;
        }
        List<PostedBatch> posted = pos.postedBatches();
        long index = posted.isEmpty() ? 1 : posted.get(posted.size() - 1).index() + 1;
        long first = posted.isEmpty() ? firstL2Block : posted.get(posted.size() - 1).lastL2Block() + 1;
        PoolStatus status = pos.status();
        long head = Math.min(Math.min(status.l2Head(), chain.headNumber()), assignedOnL1Below());
        int pending = (int) Math.min(MAX_LOOKAHEAD, head - first + 1);
        if (pending <= 0) {
            dueSinceMs = -1;
            return;
        }
        List<L2Block> blocks = new ArrayList<>();
        for (long n = first; n < first + pending; n++) {
            Optional<L2Block> b = chain.block(n);
            if (b.isEmpty()) {
                return; // this node does not hold the range (yet): a member that does will propose
            }
            blocks.add(b.get());
        }
        CutDecision d = cutter.decide(pending, blocks.get(0).timestampMillis(), nowMs, k -> {
            EncodedBatch e = codec.encode(blocks.subList(0, k));
            return new BatchCutter.Size(e.data().size(), e.rawSize());
        });
        if (d instanceof CutDecision.Oversized o) {
            if (oversizedWarnedAt < 0 || nowMs - oversizedWarnedAt > 60_000) {
                oversizedWarnedAt = nowMs;
                LOG.log(System.Logger.Level.ERROR, "L2 block " + first + " alone exceeds the batch limits (" + o.dataBytes()
                        + " bytes of batch data): raise the blobs per batch");
            }
            return;
        }
        if (!(d instanceof CutDecision.Cut cut)) {
            dueSinceMs = -1;
            return;
        }
        if (dueSinceMs < 0) {
            dueSinceMs = nowMs;
        }
        int rank = order(status).indexOf(self);
        boolean resentTooSoon = proposedIndex == index && nowMs - proposedAtMs < Math.max(5_000, submitTimeoutMs);
        if (rank < 0 || nowMs - dueSinceMs < rank * submitTimeoutMs || resentTooSoon) {
            return;
        }
        List<L2Block> range = blocks.subList(0, cut.blocks());
        DataCommitment.Kind kind = kindFor.apply(codec.encode(range).data());
        BuiltBatch built = codec.build(index, range, kind);
        proposedIndex = index;
        proposedAtMs = nowMs;
        LOG.log(System.Logger.Level.INFO, "batch " + index + " due (" + cut.reason() + ", " + range.size()
                + " blocks, rank " + rank + "): proposing as " + kind);
        pos.proposeBatch(built.header(), codec.compression());
    }

    /**
     * The last L2 block whose assignment L1 already holds as far as the open tasks tell: below the range of an epoch
     * commit (or recommit) still being signed or posted. The pool accepts no batch beyond it.
     */
    private long assignedOnL1Below() {
        long cap = Long.MAX_VALUE;
        for (var t : pos.openTasks()) {
            if (t.kind() == PosTaskKind.SIGN_EPOCH) {
                String from = "commit".equals(t.params().get("action")) ? t.params().get("first")
                        : t.params().get("from");
                if (from != null) {
                    cap = Math.min(cap, Long.parseLong(from) - 1);
                }
            }
        }
        return cap;
    }

    /** Who proposes first: the current producer, then the committee in address order. */
    static List<Address> order(PoolStatus status) {
        List<Address> out = new ArrayList<>();
        status.assignment().ifPresent(a -> out.add(a.producer()));
        status.poolKey().ifPresent(k -> k.committee().stream().sorted().filter(a -> !out.contains(a)).forEach(out::add));
        return out;
    }
}
