package seqpool.consensus.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.SubmitResult;

/** Transactions waiting for a block, in arrival order, bounded. Not thread-safe (the node's thread owns it). */
final class Mempool {
    private final LinkedHashSet<Bytes> txs = new LinkedHashSet<>();
    private final int maxTxs;

    Mempool(int maxTxs) {
        this.maxTxs = maxTxs;
    }

    SubmitResult add(Bytes tx) {
        if (txs.contains(tx)) {
            return SubmitResult.DUPLICATE;
        }
        if (txs.size() >= maxTxs) {
            return SubmitResult.MEMPOOL_FULL;
        }
        txs.add(tx);
        return SubmitResult.ACCEPTED;
    }

    /** The oldest transactions that fit the limits, without removing them. */
    List<Bytes> take(int maxCount, int maxBytes) {
        List<Bytes> out = new ArrayList<>();
        int bytes = 0;
        for (Iterator<Bytes> it = txs.iterator(); it.hasNext() && out.size() < maxCount;) {
            Bytes tx = it.next();
            if (bytes + tx.size() + 4 > maxBytes) {
                break;
            }
            bytes += tx.size() + 4;
            out.add(tx);
        }
        return out;
    }

    void removeAll(Collection<Bytes> committed) {
        for (Bytes b : committed) {
            txs.remove(b);
        }
    }

    /** Drops the transactions the application no longer accepts (CometBFT's recheck after a commit). */
    void recheck(java.util.function.Predicate<Bytes> stillValid) {
        txs.removeIf(tx -> !stillValid.test(tx));
    }

    int size() {
        return txs.size();
    }
}
