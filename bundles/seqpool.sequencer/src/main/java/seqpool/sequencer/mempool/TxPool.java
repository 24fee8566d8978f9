package seqpool.sequencer.mempool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Transaction;
import seqpool.api.sequencer.Mempool;
import seqpool.api.sequencer.SubmitResult;
import seqpool.api.sequencer.TxCheck;

/**
 * Pending L2 transactions, checked by the execution engine when they arrive ({@code admission}), kept per sender in
 * nonce order. A second transaction with a sender's nonce replaces the first only if both its max fee and its
 * priority fee are higher by the configured bump (10 %), else {@code replacement transaction underpriced}; the same
 * bytes again are {@code already known}. Bounds: per sender, how far ahead of the account nonce, and in all — a full
 * pool evicts its cheapest transaction for a better-paying one, else refuses. {@link #pending} hands out, in arrival
 * order, each sender's transactions whose nonces follow on from its account nonce. Thread-safe (synchronized).
 */
public final class TxPool implements Mempool {
    /** A pooled transaction and what ordering and replacement compare. */
    record Entry(L2Transaction tx, BigInteger maxFee, long arrival) {
    }

    private final PoolLimits limits;
    private final Function<Bytes, TxCheck> admission;
    private final ToLongFunction<Address> accountNonce;
    private final Map<Address, TreeMap<Long, Entry>> bySender = new HashMap<>();
    private final Map<Hash32, Entry> byHash = new LinkedHashMap<>();
    private long arrivals;

    /**
     * @param admission    the engine's check of a raw transaction against the latest state
     * @param accountNonce the sender's nonce in the latest executed state
     */
    public TxPool(PoolLimits limits, Function<Bytes, TxCheck> admission, ToLongFunction<Address> accountNonce) {
        this.limits = limits;
        this.admission = admission;
        this.accountNonce = accountNonce;
    }

    @Override
    public SubmitResult submit(Bytes raw) {
        if (raw == null || raw.size() == 0) {
            return new SubmitResult.Rejected("empty transaction");
        }
        if (raw.size() > limits.maxTxBytes()) {
            return new SubmitResult.Rejected("oversized data");
        }
        TxCheck check;
        try {
            check = admission.apply(raw);
        } catch (RuntimeException e) {
            return new SubmitResult.Rejected("invalid transaction: " + e.getMessage());
        }
        if (check instanceof TxCheck.Invalid bad) {
            return new SubmitResult.Rejected(bad.message());
        }
        TxCheck.Valid ok = (TxCheck.Valid) check;
        return add(ok.transaction(), ok.maxFeePerGas());
    }

    private synchronized SubmitResult add(L2Transaction tx, BigInteger maxFee) {
        if (byHash.containsKey(tx.hash())) {
            return new SubmitResult.Rejected("already known");
        }
        long base = accountNonce.applyAsLong(tx.from());
        if (tx.nonce() < base) {
            return new SubmitResult.Rejected("nonce too low");
        }
        if (tx.nonce() >= base + limits.nonceWindow()) {
            return new SubmitResult.Rejected("nonce too high: " + tx.nonce() + " is more than " + limits.nonceWindow()
                    + " ahead of the account nonce " + base);
        }
        TreeMap<Long, Entry> queue = bySender.getOrDefault(tx.from(), new TreeMap<>());
        Entry old = queue.get(tx.nonce());
        if (old != null) {
            BigInteger needed = old.maxFee().multiply(BigInteger.valueOf(100L + limits.replacementBumpPercent()))
                    .divide(BigInteger.valueOf(100));
            if (maxFee.compareTo(needed) < 0) {
                return new SubmitResult.Rejected("replacement transaction underpriced");
            }
            byHash.remove(old.tx().hash());
        } else if (queue.size() >= limits.maxPerSender()) {
            return new SubmitResult.Rejected("txpool is full for this sender (" + limits.maxPerSender()
                    + " transactions)");
        } else if (byHash.size() >= limits.maxTransactions() && !evictCheaperThan(maxFee)) {
            return new SubmitResult.Rejected("txpool is full");
        }
        Entry e = new Entry(tx, maxFee, arrivals++);
        queue.put(tx.nonce(), e);
        bySender.putIfAbsent(tx.from(), queue);
        byHash.put(tx.hash(), e);
        return new SubmitResult.Accepted(tx.hash());
    }

    /** Evicts the cheapest pooled transaction (the last of its sender's queue) if it pays less than {@code fee}. */
    private boolean evictCheaperThan(BigInteger fee) {
        Entry cheapest = null;
        for (TreeMap<Long, Entry> q : bySender.values()) {
            Entry last = q.lastEntry().getValue(); // evicting a sender's last nonce never strands its earlier ones
            if (cheapest == null || last.maxFee().compareTo(cheapest.maxFee()) < 0) {
                cheapest = last;
            }
        }
        if (cheapest == null || cheapest.maxFee().compareTo(fee) >= 0) {
            return false;
        }
        remove(cheapest);
        return true;
    }

    private void remove(Entry e) {
        byHash.remove(e.tx().hash());
        TreeMap<Long, Entry> q = bySender.get(e.tx().from());
        if (q != null) {
            q.remove(e.tx().nonce());
            if (q.isEmpty()) {
                bySender.remove(e.tx().from());
            }
        }
    }

    @Override
    public synchronized List<L2Transaction> pending(int max) {
        Map<Address, Long> next = new HashMap<>();
        List<Entry> ready = new ArrayList<>();
        for (Map.Entry<Address, TreeMap<Long, Entry>> s : bySender.entrySet()) {
            long n = accountNonce.applyAsLong(s.getKey());
            for (Entry e : s.getValue().tailMap(n, true).values()) {
                if (e.tx().nonce() != n) {
                    break; // a gap: later nonces wait
                }
                ready.add(e);
                n++;
            }
            next.put(s.getKey(), n);
        }
        ready.sort((a, b) -> Long.compare(a.arrival(), b.arrival()));
        // arrival order across senders, but a sender's nonces in order: a later nonce never precedes an earlier one
        Map<Address, Long> emitted = new HashMap<>();
        List<L2Transaction> out = new ArrayList<>();
        List<Entry> deferred = new ArrayList<>(ready);
        boolean progress = true;
        while (out.size() < max && progress) {
            progress = false;
            for (Iterator<Entry> it = deferred.iterator(); it.hasNext() && out.size() < max;) {
                Entry e = it.next();
                long expected = emitted.getOrDefault(e.tx().from(), accountNonce.applyAsLong(e.tx().from()));
                if (e.tx().nonce() == expected) {
                    out.add(e.tx());
                    emitted.put(e.tx().from(), expected + 1);
                    it.remove();
                    progress = true;
                }
            }
        }
        return out;
    }

    /** After a block: drops the included transactions and every pooled one its sender's account nonce consumed. */
    public synchronized void committed(List<Hash32> included) {
        for (Hash32 h : included) {
            Entry e = byHash.get(h);
            if (e != null) {
                remove(e);
            }
        }
        for (Address sender : new ArrayList<>(bySender.keySet())) {
            long n = accountNonce.applyAsLong(sender);
            TreeMap<Long, Entry> q = bySender.get(sender);
            for (Entry e : new ArrayList<>(q.headMap(n, false).values())) {
                remove(e);
            }
        }
    }

    /** The nonce after the sender's consecutive pooled transactions (its account nonce if it has none): the "pending" nonce. */
    public synchronized long nextNonce(Address sender) {
        long n = accountNonce.applyAsLong(sender);
        TreeMap<Long, Entry> q = bySender.get(sender);
        while (q != null && q.containsKey(n)) {
            n++;
        }
        return n;
    }

    public synchronized boolean contains(Hash32 hash) {
        return byHash.containsKey(hash);
    }

    /** Every pooled raw transaction, in arrival order (re-forwarded when the producer changes). */
    public synchronized List<Bytes> all() {
        return byHash.values().stream().sorted((a, b) -> Long.compare(a.arrival(), b.arrival())).map(e -> e.tx().raw())
                .toList();
    }

    @Override
    public synchronized int size() {
        return byHash.size();
    }
}
