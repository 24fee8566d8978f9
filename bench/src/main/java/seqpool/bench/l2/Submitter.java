package seqpool.bench.l2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One connection to one node and the senders assigned to it. Each sender's transactions go out in nonce order on this
 * connection only (so a node never sees a sender's nonce before the previous one), as JSON-RPC batches of
 * {@code eth_sendRawTransaction}.
 * <ul>
 * <li>open loop ({@code window == 0}): transaction k is due at start + k / rate; a connection that falls behind
 * (slow answers) sends what is due in larger batches, so the offered rate does not bend to the system's speed;</li>
 * <li>saturation: a sender may have at most {@code window} transactions sent but in no block yet; the connection sends
 * whatever is eligible, paced at {@code rate} so as not to trip the server's per-connection rate limit.</li>
 * </ul>
 */
final class Submitter implements Runnable {
    /** A sender's pre-signed transactions (tracker indices and raw hex), in nonce order. */
    static final class SenderTxs {
        final int sender;
        final int[] tx;
        final String[] raw;
        int next;

        SenderTxs(int sender, int[] tx, String[] raw) {
            this.sender = sender;
            this.tx = tx;
            this.raw = raw;
        }
    }

    private final JsonRpcHttp rpc;
    private final List<SenderTxs> senders;
    private final double rate;
    private final int window;
    private final int maxBatch;
    private final InclusionTracker tracker;
    private final ErrorCounts rejections;
    private final long start;
    private final long end;
    private int cursor;
    private long attempted;
    private volatile long exhaustedAt;
    private volatile long maxLagNanos;

    Submitter(JsonRpcHttp rpc, List<SenderTxs> senders, double rate, int window, int maxBatch, InclusionTracker tracker,
            ErrorCounts rejections, long start, long end) {
        this.rpc = rpc;
        this.senders = senders;
        this.rate = rate;
        this.window = window;
        this.maxBatch = maxBatch;
        this.tracker = tracker;
        this.rejections = rejections;
        this.start = start;
        this.end = end;
    }

    /** When this connection ran out of signed transactions (0: never). */
    long exhaustedAt() {
        return exhaustedAt;
    }

    /** Open loop: the longest a batch went out after its first transaction was due. */
    long maxLagNanos() {
        return maxLagNanos;
    }

    @Override
    public void run() {
        double tokens = 0;
        long lastRefill = start;
        List<Integer> batchTx = new ArrayList<>(maxBatch);
        List<String> batch = new ArrayList<>(maxBatch);
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            long allowance;
            if (window == 0) {
                allowance = Math.min(maxBatch, (long) ((now - start) * rate / 1e9) - attempted);
                if (allowance > 0) {
                    long dueAt = start + (long) (attempted * 1e9 / rate);
                    maxLagNanos = Math.max(maxLagNanos, now - dueAt);
                }
            } else {
                // token bucket: never more than one batch of credit, so an idle stretch is not followed by a burst
                tokens = Math.min(maxBatch, tokens + (now - lastRefill) * rate / 1e9);
                lastRefill = now;
                allowance = (long) tokens;
            }
            batch.clear();
            batchTx.clear();
            boolean any = take(allowance, batch, batchTx);
            if (!any && exhaustedAt == 0 && allExhausted()) {
                exhaustedAt = now;
                return;
            }
            if (batch.isEmpty()) {
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            attempted += batch.size();
            tokens -= batch.size();
            send(batch, batchTx);
        }
    }

    private boolean take(long allowance, List<String> batch, List<Integer> batchTx) {
        int n = senders.size();
        boolean any = false;
        for (int scanned = 0; scanned < n && batch.size() < allowance; ) {
            SenderTxs s = senders.get(cursor);
            boolean eligible = s.next < s.tx.length
                    && (window == 0 || s.next - tracker.seenFromSender(s.sender) < window);
            if (eligible) {
                any = true;
                batchTx.add(s.tx[s.next]);
                batch.add(JsonRpcHttp.request(batch.size(), "eth_sendRawTransaction", "[\"" + s.raw[s.next] + "\"]"));
                s.next++;
                scanned = 0; // round-robin: one per sender per pass
            } else {
                scanned++;
            }
            cursor = (cursor + 1) % n;
        }
        return any || allowance <= 0;
    }

    private boolean allExhausted() {
        for (SenderTxs s : senders) {
            if (s.next < s.tx.length) {
                return false;
            }
        }
        return true;
    }

    private void send(List<String> batch, List<Integer> batchTx) {
        long stamp = System.nanoTime();
        for (int tx : batchTx) {
            tracker.submitted(tx, stamp);
        }
        try {
            JsonNode[] replies = rpc.batch(batch);
            for (int i = 0; i < replies.length; i++) {
                JsonNode r = replies[i];
                if (r == null) {
                    tracker.refused(batchTx.get(i));
                    rejections.add("no reply in the batch");
                } else if (r.has("error")) {
                    tracker.refused(batchTx.get(i));
                    rejections.add(r.get("error").path("code").asText() + " " + r.get("error").path("message").asText());
                }
            }
        } catch (Exception e) {
            for (int tx : batchTx) {
                tracker.refused(tx);
            }
            rejections.add("request failed (" + batch.size() + " txs each): " + e);
        }
    }
}
