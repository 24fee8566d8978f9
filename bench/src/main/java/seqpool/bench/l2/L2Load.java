package seqpool.bench.l2;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.web3j.crypto.Credentials;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * L2 load generator: signed transfers through JSON-RPC to every node; throughput and inclusion latency (submit until
 * the transaction is in an L2 block on every node).
 *
 * <pre>
 * java -cp ... seqpool.bench.l2.L2Load --endpoints DIR/endpoints.json (--rate R | --saturate) [options]
 * java -cp ... seqpool.bench.l2.L2Load --baseline-anvil [BINARY] (--rate R | --saturate) [options]
 *   --rpc URL,URL...      instead of --endpoints
 *   --seconds 30          measured window, after --warmup 10 (both seconds)
 *   --senders 500         fresh accounts, funded from anvil's dev accounts first (--fund-eth 100 each)
 *   --connections N       HTTP connections, spread round-robin over the nodes (default: enough for the rate)
 *   --conn-rate 450       most eth_sendRawTransaction per second per connection (the server allows 500)
 *   --window 32           saturation: most transactions per sender not yet in a block
 *   --budget-rate 6000    saturation: transactions signed per second of the run (the most it can send)
 *   --max-fee-gwei 1000 --priority-gwei 1 --chain-id 901 --label NAME --drain-seconds 20 --block-time-ms T
 * </pre>
 *
 * Signing happens before the clock starts. Prints {@code FIGURE l2_load_<label>_tps|_p50_ms|_p99_ms} lines.
 */
public final class L2Load {
    static final String SINK = "0x000000000000000000000000000000000000dead";

    private L2Load() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        seqpool.contracts.anvil.AnvilProcess anvil = null;
        List<URI> urls = new ArrayList<>();
        if (o.baseline != null) {
            // anvil's default: automine, a block per transaction as soon as it arrives (one centralized sequencer)
            anvil = seqpool.contracts.anvil.AnvilProcess.start(Path.of(o.baseline), o.chainId,
                    Path.of("target", "l2load", "anvil.log"), List.of());
            System.out.printf("baseline: anvil automine at %s (pid %d)%n", anvil.rpcUrl(), anvil.pid());
            urls.add(URI.create(anvil.rpcUrl()));
        } else if (o.endpoints != null) {
            for (JsonNode n : JsonRpcHttp.JSON.readTree(Files.readString(Path.of(o.endpoints))).path("nodes")) {
                urls.add(URI.create(n.path("rpc").asText()));
            }
        } else {
            for (String u : o.rpc.split(",")) {
                urls.add(URI.create(u.trim()));
            }
        }
        try {
            run(o, urls, anvil != null);
        } finally {
            if (anvil != null) {
                anvil.close();
            }
        }
        System.exit(0); // HttpClient selector threads are not daemons
    }

    private static void run(Options o, List<URI> urls, boolean automine) throws Exception {
        int nodes = urls.size();
        List<JsonRpcHttp> control = new ArrayList<>();
        for (URI u : urls) {
            JsonRpcHttp rpc = new JsonRpcHttp(u);
            long chain = Long.decode(rpc.call("eth_chainId").asText());
            if (chain != o.chainId) {
                throw new IllegalStateException(u + " serves chain " + chain + ", expected " + o.chainId);
            }
            control.add(rpc);
        }
        System.out.printf("%s %s: %d node(s) %s; %s; %d s measured after %d s warm-up; %d senders; load average %s%n",
                Instant.now(), o.label, nodes, urls, o.saturate ? "saturation (window " + o.window + ")"
                        : "open loop " + o.rate + " tx/s", o.seconds, o.warmup, o.senders, loadAverage());
        if (!automine) {
            waitForBlocks(control.get(0));
        }

        List<Credentials> senders = IntStream.range(0, o.senders).parallel().mapToObj(LoadAccounts::sender).toList();
        BigInteger maxFee = Convert.toWei(BigInteger.valueOf(o.maxFeeGwei).toString(), Convert.Unit.GWEI).toBigInteger();
        BigInteger priority = Convert.toWei(BigInteger.valueOf(o.priorityGwei).toString(), Convert.Unit.GWEI)
                .toBigInteger();
        Funding.fund(control, senders, Convert.toWei(Long.toString(o.fundEth), Convert.Unit.ETHER).toBigInteger(),
                o.chainId);
        List<String> addresses = senders.stream().map(Credentials::getAddress).toList();
        List<BigInteger> nonces = LoadAccounts.query(control.get(0), "eth_getTransactionCount", addresses, "latest");

        int connections = o.connections > 0 ? o.connections : defaultConnections(o, nodes);
        connections = Math.min(connections, o.senders);
        double total = o.warmup + o.seconds;
        double perConnRate = o.saturate ? o.connRate : o.rate / connections;
        if (perConnRate > o.connRate) {
            throw new IllegalArgumentException(String.format("%.0f tx/s per connection is over --conn-rate %d: add"
                    + " --connections", perConnRate, o.connRate));
        }
        long budget = (long) Math.ceil((o.saturate ? o.budgetRate : o.rate) * total * 1.02) + o.senders;
        int perSender = (int) Math.ceil((double) budget / o.senders);

        long t0 = System.nanoTime();
        List<List<LoadAccounts.Signed>> signed = IntStream.range(0, o.senders).parallel().mapToObj(s -> {
            List<LoadAccounts.Signed> txs = new ArrayList<>(perSender);
            long first = nonces.get(s).longValueExact();
            for (int k = 0; k < perSender; k++) {
                txs.add(LoadAccounts.transfer(o.chainId, senders.get(s), first + k, SINK, BigInteger.ONE, priority,
                        maxFee));
            }
            return txs;
        }).toList();
        InclusionTracker tracker = new InclusionTracker(nodes, o.senders);
        List<List<Submitter.SenderTxs>> groups = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            groups.add(new ArrayList<>());
        }
        for (int s = 0; s < o.senders; s++) {
            int[] idx = new int[perSender];
            String[] raw = new String[perSender];
            for (int k = 0; k < perSender; k++) {
                idx[k] = tracker.register(signed.get(s).get(k).hash(), s);
                raw[k] = signed.get(s).get(k).raw();
            }
            groups.get(s % connections).add(new Submitter.SenderTxs(s, idx, raw));
        }
        tracker.seal();
        signed = null;
        System.out.printf("signed %,d transfers (%d per sender, nonces from the chain) in %.1f s; %d connections over"
                + " %d node(s), at most %.0f tx/s each%n", tracker.size(), perSender, (System.nanoTime() - t0) / 1e9,
                connections, nodes, perConnRate);

        ErrorCounts rejections = new ErrorCounts();
        ErrorCounts watchErrors = new ErrorCounts();
        List<HeadWatcher> watchers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            HeadWatcher w = new HeadWatcher(i, urls.get(i), tracker, watchErrors);
            w.start();
            watchers.add(w);
        }
        long cpu0 = processCpuNanos();
        long start = System.nanoTime() + 500_000_000L;
        long from = start + o.warmup * 1_000_000_000L;
        long to = from + o.seconds * 1_000_000_000L;
        List<Submitter> submitters = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Submitter s = new Submitter(new JsonRpcHttp(urls.get(c % nodes)), groups.get(c), perConnRate,
                    o.saturate ? o.window : 0, Math.max(1, Math.min(500, (int) perConnRate)), tracker, rejections,
                    start, to);
            submitters.add(s);
            Thread t = new Thread(s, "submit-" + c);
            t.start();
            threads.add(t);
        }
        while (System.nanoTime() < to) {
            Thread.sleep(5000);
            long now = System.nanoTime();
            InclusionTracker.Summary sofar = tracker.summarize(start, now);
            System.out.printf("  t=%5.1f s: sent %,d, in blocks on every node %,d (%.0f/s), rejected %,d, backlog %s,"
                    + " base fee %s, load %s%n", (now - start) / 1e9, sofar.sent(), sofar.included(), sofar.tps(),
                    rejections.total(), watchers.stream().map(w -> Integer.toString(w.backlog())).toList(),
                    watchers.get(0).lastBaseFee(), loadAverage());
        }
        for (Thread t : threads) {
            t.join();
        }
        long cpu1 = processCpuNanos();
        // let what was sent in the window land, or give up after the drain time
        long drainEnd = System.nanoTime() + o.drainSeconds * 1_000_000_000L;
        InclusionTracker.Summary r = tracker.summarize(from, to);
        while (r.missing() + r.partial() > 0 && System.nanoTime() < drainEnd) {
            Thread.sleep(500);
            r = tracker.summarize(from, to);
        }
        String load = loadAverage();
        for (HeadWatcher w : watchers) {
            w.close();
        }
        report(o, r, rejections, watchErrors, watchers, submitters, load, (cpu1 - cpu0) / 1e9 / (to - start) * 1e9);
    }

    private static void report(Options o, InclusionTracker.Summary r, ErrorCounts rejections, ErrorCounts watchErrors,
            List<HeadWatcher> watchers, List<Submitter> submitters, String load, double cpuCores) {
        System.out.printf("%nresult %s (%s): window %d s%n", o.label, o.saturate ? "saturation" : o.rate + " tx/s offered",
                o.seconds);
        System.out.printf("  submitted in window (accepted by the node): %,d (%.0f/s)%n", r.sent(),
                r.sent() / (double) o.seconds);
        System.out.printf("  in a block on every node within the window: %,d -> %.0f tx/s%n", r.included(), r.tps());
        System.out.printf("  inclusion latency on the last node (of those submitted in the window, %,d): p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms%n", r.latency().count(), ms(r.latency().at(50)), ms(r.latency().at(99)),
                ms(r.latency().max()));
        System.out.printf("  on the first node: p50 %.1f ms, p99 %.1f ms%n", ms(r.firstNode().at(50)),
                ms(r.firstNode().at(99)));
        System.out.printf("  not in a block on any node after the drain: %,d; on some nodes only: %,d%n", r.missing(),
                r.partial());
        if (o.blockTimeMs > 0) {
            double p50 = ms(r.latency().at(50));
            System.out.printf("  target p50 <= blockTime + 50 = %d ms: %s%n", o.blockTimeMs + 50,
                    p50 <= o.blockTimeMs + 50 ? "met" : String.format("missed by %.0f ms", p50 - o.blockTimeMs - 50));
        }
        for (int i = 0; i < watchers.size(); i++) {
            System.out.printf("  node %d: %,d blocks seen (%,d by polling), largest block %,d of our txs, last base fee"
                    + " %s wei%n", i, watchers.get(i).blocks(), watchers.get(i).polledBlocks(),
                    watchers.get(i).largestBlockOfOurs(),
                    decode(watchers.get(i).lastBaseFee()));
        }
        long lag = submitters.stream().mapToLong(Submitter::maxLagNanos).max().orElse(0);
        long exhausted = submitters.stream().filter(s -> s.exhaustedAt() != 0).count();
        if (!o.saturate) {
            System.out.printf("  generator: largest lag behind the open-loop schedule %.0f ms%n", lag / 1e6);
        }
        if (exhausted > 0) {
            System.out.printf("  WARNING: %d connection(s) ran out of signed transactions (raise --budget-rate)%n",
                    exhausted);
        }
        System.out.printf("  generator CPU: %.2f cores on average; load average at the end: %s%n", cpuCores, load);
        rejections.print(System.out, "  rejected submissions");
        watchErrors.print(System.out, "  watcher errors");
        System.out.printf("FIGURE l2_load_%s_tps %.0f%n", o.label, r.tps());
        System.out.printf("FIGURE l2_load_%s_p50_ms %.1f%n", o.label, ms(r.latency().at(50)));
        System.out.printf("FIGURE l2_load_%s_p99_ms %.1f%n", o.label, ms(r.latency().at(99)));
    }

    static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    private static String decode(String quantity) {
        try {
            return Numeric.decodeQuantity(quantity).toString();
        } catch (RuntimeException e) {
            return quantity;
        }
    }

    static int defaultConnections(Options o, int nodes) {
        int c = o.saturate ? 6 * nodes : (int) Math.ceil(o.rate / (o.connRate * 0.8));
        return Math.max(nodes, (c + nodes - 1) / nodes * nodes);
    }

    /** Waits until the chain makes blocks (a fresh devnet takes ~40 s to its first L2 block). */
    private static void waitForBlocks(JsonRpcHttp rpc) throws IOException, InterruptedException {
        long first = Long.decode(rpc.call("eth_blockNumber").asText());
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (Long.decode(rpc.call("eth_blockNumber").asText()) <= first + 1) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no new L2 block in 300 s at " + rpc.uri());
            }
            Thread.sleep(500);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Command-line options (see the class comment). */
    static final class Options {
        String endpoints;
        String rpc;
        String baseline;
        boolean saturate;
        double rate;
        int seconds = 30;
        int warmup = 10;
        int senders = 500;
        int connections;
        int connRate = 450;
        int window = 32;
        double budgetRate = 6000;
        long fundEth = 100;
        long maxFeeGwei = 1000;
        long priorityGwei = 1;
        long chainId = 901;
        String label;
        int drainSeconds = 20;
        long blockTimeMs;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--endpoints" -> { o.endpoints = v; i++; }
                    case "--rpc" -> { o.rpc = v; i++; }
                    case "--baseline-anvil" -> {
                        if (v != null && !v.startsWith("--")) {
                            o.baseline = v;
                            i++;
                        } else {
                            o.baseline = "contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
                        }
                    }
                    case "--saturate" -> o.saturate = true;
                    case "--rate" -> { o.rate = Double.parseDouble(v); i++; }
                    case "--seconds" -> { o.seconds = Integer.parseInt(v); i++; }
                    case "--warmup" -> { o.warmup = Integer.parseInt(v); i++; }
                    case "--senders" -> { o.senders = Integer.parseInt(v); i++; }
                    case "--connections" -> { o.connections = Integer.parseInt(v); i++; }
                    case "--conn-rate" -> { o.connRate = Integer.parseInt(v); i++; }
                    case "--window" -> { o.window = Integer.parseInt(v); i++; }
                    case "--budget-rate" -> { o.budgetRate = Double.parseDouble(v); i++; }
                    case "--fund-eth" -> { o.fundEth = Long.parseLong(v); i++; }
                    case "--max-fee-gwei" -> { o.maxFeeGwei = Long.parseLong(v); i++; }
                    case "--priority-gwei" -> { o.priorityGwei = Long.parseLong(v); i++; }
                    case "--chain-id" -> { o.chainId = Long.parseLong(v); i++; }
                    case "--label" -> { o.label = v; i++; }
                    case "--drain-seconds" -> { o.drainSeconds = Integer.parseInt(v); i++; }
                    case "--block-time-ms" -> { o.blockTimeMs = Long.parseLong(v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see L2Load's javadoc)");
                }
            }
            int sources = (o.endpoints != null ? 1 : 0) + (o.rpc != null ? 1 : 0) + (o.baseline != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException("give one of --endpoints FILE, --rpc URLS, --baseline-anvil");
            }
            if (o.saturate == (o.rate > 0)) {
                throw new IllegalArgumentException("give either --rate R (open loop) or --saturate");
            }
            if (o.label == null) {
                o.label = o.baseline != null ? "baseline" : "l2";
            }
            return o;
        }
    }
}
