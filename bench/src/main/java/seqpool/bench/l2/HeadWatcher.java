package seqpool.bench.l2;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Watches one node: a {@code newHeads} subscription over WebSocket stamps each announced block with its arrival time;
 * a fetch thread reads the announced blocks' transaction hashes ({@code eth_getBlockByHash}, not hydrated, in
 * batches: an automining anvil announces a block per transaction) and hands them to the tracker with that stamp.
 * A jump in block numbers (a missed announcement) is filled by number, stamped with the later announcement's time.
 * When no announcement comes for {@value #POLL_MS} ms the watcher also asks {@code eth_blockNumber} and reads what it
 * missed by number (stamped with the poll's time, so a lost notification costs at most that much latency): an
 * automining anvil announcing hundreds of blocks a second stopped announcing to a slow subscriber.
 */
final class HeadWatcher implements AutoCloseable {
    /** An announced block ({@code hash} null: learned by polling, read by number). */
    private record Head(long number, String hash, long nanos) {
    }

    private static final long POLL_MS = 200;
    private final AtomicLong polled = new AtomicLong();

    private final int node;
    private final URI ws;
    private final JsonRpcHttp rpc;
    private final InclusionTracker tracker;
    private final ErrorCounts errors;
    private final BlockingQueue<Head> heads = new LinkedBlockingQueue<>();
    private final Thread fetcher;
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong maxMine = new AtomicLong();
    private volatile boolean closed;
    private volatile String baseFee = "?";
    private WebSocket socket;
    private long lastNumber = -1;

    HeadWatcher(int node, URI http, InclusionTracker tracker, ErrorCounts errors) {
        this.node = node;
        this.ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        this.rpc = new JsonRpcHttp(http);
        this.tracker = tracker;
        this.errors = errors;
        this.fetcher = new Thread(this::fetchLoop, "heads-" + node);
        this.fetcher.setDaemon(true);
    }

    void start() throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, new Listener()).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true)
                .get(10, TimeUnit.SECONDS);
        fetcher.start();
    }

    /** Blocks learned by polling, not by announcement. */
    long polledBlocks() {
        return polled.get();
    }

    long blocks() {
        return blocks.get();
    }

    long largestBlockOfOurs() {
        return maxMine.get();
    }

    String lastBaseFee() {
        return baseFee;
    }

    /** Blocks announced but not yet read: the watcher is behind if this grows. */
    int backlog() {
        return heads.size();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private long firstFragment;

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            if (text.length() == 0) {
                firstFragment = System.nanoTime(); // stamp on arrival, before parsing
            }
            text.append(data);
            if (last) {
                String msg = text.toString();
                text.setLength(0);
                try {
                    JsonNode m = JsonRpcHttp.JSON.readTree(msg);
                    if ("eth_subscription".equals(m.path("method").asText())) {
                        JsonNode h = m.path("params").path("result");
                        heads.add(new Head(Long.decode(h.path("number").asText()), h.path("hash").asText(),
                                firstFragment));
                    } else if (m.has("error")) {
                        errors.add("node " + node + " subscribe: " + m.get("error"));
                    }
                } catch (Exception e) {
                    errors.add("node " + node + " notification: " + e);
                }
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
            if (!closed) {
                errors.add("node " + node + " websocket closed: " + status + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            if (!closed) {
                errors.add("node " + node + " websocket error: " + error);
            }
        }
    }

    private void fetchLoop() {
        List<Head> batch = new ArrayList<>();
        while (!closed) {
            try {
                Head first = heads.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    long head = Long.decode(rpc.call("eth_blockNumber").asText());
                    if (lastNumber >= 0 && head > lastNumber) {
                        polled.addAndGet(head - lastNumber);
                        fetch(List.of(new Head(head, null, System.nanoTime())));
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                heads.drainTo(batch, 200);
                fetch(batch);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!closed) {
                    errors.add("node " + node + " block fetch: " + e);
                }
            }
        }
    }

    private void fetch(List<Head> announced) throws Exception {
        List<String> requests = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        for (Head h : announced) {
            if (h.number() <= lastNumber) {
                continue; // already read (a poll got there first)
            }
            if (lastNumber >= 0 && h.number() > lastNumber + 1) {
                for (long n = lastNumber + 1; n < h.number(); n++) {
                    requests.add("eth_getBlockByNumber\u0000[\"0x" + Long.toHexString(n) + "\",false]");
                    stamps.add(h.nanos());
                }
            }
            requests.add(h.hash() == null
                    ? "eth_getBlockByNumber\u0000[\"0x" + Long.toHexString(h.number()) + "\",false]"
                    : "eth_getBlockByHash\u0000[\"" + h.hash() + "\",false]");
            stamps.add(h.nanos());
            lastNumber = Math.max(lastNumber, h.number());
        }
        for (int from = 0; from < requests.size(); from += MAX_BATCH) { // the node's batch limit is 1,000
            List<String> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(requests.size(), from + MAX_BATCH); i++) {
                String[] call = requests.get(i).split("\u0000", 2);
                chunk.add(JsonRpcHttp.request(chunk.size(), call[0], call[1]));
            }
            read(rpc.batch(chunk), stamps.subList(from, Math.min(requests.size(), from + MAX_BATCH)));
        }
    }

    private static final int MAX_BATCH = 500;

    private void read(JsonNode[] replies, List<Long> stamps) {
        for (int i = 0; i < replies.length; i++) {
            JsonNode block = replies[i] == null ? null : replies[i].get("result");
            if (block == null || block.isNull()) {
                errors.add("node " + node + " block not found: "
                        + (replies[i] == null ? "no reply" : replies[i].path("error").toString()));
                continue;
            }
            List<String> txs = new ArrayList<>(block.path("transactions").size());
            for (JsonNode t : block.path("transactions")) {
                txs.add(t.asText().toLowerCase());
            }
            int mine = tracker.seen(node, txs, stamps.get(i));
            blocks.incrementAndGet();
            maxMine.accumulateAndGet(mine, Math::max);
            baseFee = block.path("baseFeePerGas").asText("?");
        }
    }

    @Override
    public void close() {
        closed = true;
        fetcher.interrupt();
        if (socket != null) {
            socket.abort();
        }
    }
}
