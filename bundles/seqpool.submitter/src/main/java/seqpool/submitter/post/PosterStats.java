package seqpool.submitter.post;

import java.math.BigInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the poster did, for the submitter's metrics: transactions sent and replaced, refused by L1, dry runs that would
 * have reverted, transactions that reverted on L1 (the race of two members posting at once), batches reorganised out,
 * batches confirmed (posted by this node or by another member), L1 errors, and the L1 gas and fees this node paid:
 * for its own confirmed batches and for its reverted transactions, from their receipts. Written by the poster's
 * thread, read by scrapes.
 */
public final class PosterStats {
    final LongAdder sent = new LongAdder();
    final LongAdder replaced = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder dryRunReverts = new LongAdder();
    final LongAdder reverted = new LongAdder();
    final LongAdder reorged = new LongAdder();
    final LongAdder confirmedOwn = new LongAdder();
    final LongAdder confirmedOther = new LongAdder();
    final LongAdder l1Errors = new LongAdder();
    private final Paid confirmedPaid = new Paid();
    private final Paid revertedPaid = new Paid();

    public long sent() {
        return sent.sum();
    }

    public long replaced() {
        return replaced.sum();
    }

    public long refused() {
        return refused.sum();
    }

    public long dryRunReverts() {
        return dryRunReverts.sum();
    }

    public long reverted() {
        return reverted.sum();
    }

    public long reorged() {
        return reorged.sum();
    }

    public long confirmedOwn() {
        return confirmedOwn.sum();
    }

    public long confirmedOther() {
        return confirmedOther.sum();
    }

    public long l1Errors() {
        return l1Errors.sum();
    }

    /** Gas, blob gas and wei paid for this node's transactions that landed a batch. */
    public Paid confirmedPaid() {
        return confirmedPaid;
    }

    /** The same for this node's transactions that reverted (gas paid for nothing). */
    public Paid revertedPaid() {
        return revertedPaid;
    }

    /** Sums of receipts' costs. */
    public static final class Paid {
        private long gas;
        private long blobGas;
        private BigInteger wei = BigInteger.ZERO;

        synchronized void add(L1Port.Cost c) {
            gas += c.gasUsed();
            blobGas += c.blobGasUsed();
            wei = wei.add(c.wei());
        }

        public synchronized long gas() {
            return gas;
        }

        public synchronized long blobGas() {
            return blobGas;
        }

        public synchronized BigInteger wei() {
            return wei;
        }
    }
}
