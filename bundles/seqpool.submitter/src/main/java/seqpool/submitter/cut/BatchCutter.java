package seqpool.submitter.cut;

import java.util.function.IntFunction;

/**
 * The cut rule (docs/batches.md): a batch is the longest prefix of the pending (unbatched) blocks whose batch data
 * fits the limits, cut as soon as the next block would not fit (SIZE), or with all pending blocks once the oldest of
 * them is {@code maxAgeMillis} old by its L2 timestamp (AGE). Sizes come from the caller ({@code sizeOfFirst.apply(k)}
 * = the sizes of a batch of the first k pending blocks), so the rule needs no compressor; it asks for O(log n)
 * prefixes. Pure and deterministic: every node that applies it to the same blocks cuts the same batches.
 */
public final class BatchCutter {
    /** Sizes of a candidate batch: compressed batch data with the envelope, and the uncompressed payload. */
    public record Size(int dataBytes, int rawBytes) {
    }

    private final CutLimits limits;

    public BatchCutter(CutLimits limits) {
        this.limits = limits;
    }

    public CutLimits limits() {
        return limits;
    }

    /**
     * @param pending number of pending blocks, in chain order
     * @param oldestTimestampMillis the L2 timestamp of the first pending block
     * @param nowMillis the current time
     * @param sizeOfFirst sizes of a batch of the first k pending blocks, 1 ≤ k ≤ pending
     */
    public CutDecision decide(int pending, long oldestTimestampMillis, long nowMillis, IntFunction<Size> sizeOfFirst) {
        if (pending <= 0) {
            return new CutDecision.Wait();
        }
        Size all = sizeOfFirst.apply(pending);
        if (fits(all)) {
            if (nowMillis - oldestTimestampMillis >= limits.maxAgeMillis()) {
                return new CutDecision.Cut(pending, CutDecision.Reason.AGE);
            }
            return new CutDecision.Wait();
        }
        // the largest fitting prefix: lo fits (0 trivially), hi does not
        int lo = 0;
        int hi = pending;
        Size first = null;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            Size s = sizeOfFirst.apply(mid);
            if (mid == 1) {
                first = s;
            }
            if (fits(s)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            Size one = first != null ? first : (pending == 1 ? all : sizeOfFirst.apply(1));
            return new CutDecision.Oversized(one.dataBytes(), one.rawBytes());
        }
        return new CutDecision.Cut(lo, CutDecision.Reason.SIZE);
    }

    private boolean fits(Size s) {
        return s.dataBytes() <= limits.maxDataBytes() && s.rawBytes() <= limits.maxRawBytes();
    }
}
