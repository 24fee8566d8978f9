package seqpool.bench.consensus;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.host.ConsensusHost;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.testing.InMemoryNetworkHub;
import seqpool.consensus.wire.SigningDigests;
import seqpool.p2p.host.NettyP2pNetwork;
import seqpool.p2p.host.P2pConfig;
import seqpool.p2p.host.P2pNetworks;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Load generator for the consensus engine: N validators in this JVM, each a {@link ConsensusHost} with its own netty
 * TLS transport on loopback (or the in-process hub with {@code --transport memory}) and in-memory store, real
 * secp256k1 signatures. Clients submit 256-byte transactions round-robin to the validators, keeping at most
 * {@code --outstanding} uncommitted. Reports commit latency (a validator's Decide minus the Propose of the decided round,
 * from the trace events) p50/p99 and committed tx/s after a warm-up.
 *
 * <p>Args: {@code --validators N --seconds S --warmup W --tx-bytes B --transport netty|memory --outstanding K
 * --timeouts proposeMs,voteMs,deltaMs --max-block-txs T --max-block-bytes B --rate R}. Without {@code --rate} the
 * clients saturate the engine (latency at saturation); with {@code --rate R} they offer R tx/s in 1 ms steps (open
 * loop, still capped by {@code --outstanding}), which measures latency at a given load below saturation.
 *
 * <p>Before the validators start, {@link JitWarmup} compiles the crypto paths; clients start once every validator has
 * committed a block. Besides latency and throughput the run reports signature verifications per height and validator
 * and where the CPU went ({@link ThreadCpu}) during the measured window. {@code -Dseqpool.bench.progress=true} prints
 * a line per second.
 */
public final class ConsensusLoad {
    private final Map<String, Long> proposeNanos = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> decides = new ConcurrentLinkedQueue<>();
    private final AtomicLong committedTxs = new AtomicLong();
    private final AtomicLong committedTotal = new AtomicLong();
    private final AtomicLong verifications = new AtomicLong();
    private final long t0 = System.nanoTime();
    private volatile long measureFrom = Long.MAX_VALUE;

    private SignatureVerifier counting(SignatureVerifier inner) {
        return (d, sig, signer) -> {
            verifications.incrementAndGet();
            return inner.verify(d, sig, signer);
        };
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ConsensusLoad().run(Integer.parseInt(a.getOrDefault("validators", "4")),
                Integer.parseInt(a.getOrDefault("seconds", "20")), Integer.parseInt(a.getOrDefault("warmup", "5")),
                Integer.parseInt(a.getOrDefault("tx-bytes", "256")), a.getOrDefault("transport", "netty"),
                Integer.parseInt(a.getOrDefault("outstanding", "40000")), a.getOrDefault("timeouts", "1000,500,250"),
                Integer.parseInt(a.getOrDefault("max-block-txs", "5000")),
                Integer.parseInt(a.getOrDefault("max-block-bytes", String.valueOf(4 << 20))),
                Long.parseLong(a.getOrDefault("rate", "0")));
        System.exit(0);
    }

    /** Counts committed transactions; accepts everything of the configured size. */
    private final class LoadApp extends seqpool.consensus.testing.MempoolOnlyApplication {
        private final boolean counting;
        private long last;

        LoadApp(boolean counting) {
            this.counting = counting;
        }

        @Override
        public CheckTxResult checkTx(Bytes tx) {
            return CheckTxResult.OK;
        }

        @Override
        public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest r) {
            if (counting) {
                committedTotal.addAndGet(r.block().txs().size());
            }
            if (counting && System.nanoTime() >= measureFrom) {
                committedTxs.addAndGet(r.block().txs().size());
            }
            return new FinalizeBlockResult(Hash32.ZERO, List.of());
        }

        @Override
        public void commit(long height) {
            last = height;
        }

        @Override
        public long lastCommittedHeight() {
            return last;
        }
    }

    private final TraceSink timing = (node, event, f) -> {
        long now = System.nanoTime();
        if (event.equals("Propose")) {
            proposeNanos.putIfAbsent(f.get("height") + "/" + f.get("round"), now);
        } else if (event.equals("Decide")) {
            Long p = proposeNanos.get(f.get("height") + "/" + f.get("round"));
            if (p != null && now >= measureFrom) {
                decides.add(new long[] {now - p});
            }
        }
    };

    void run(int n, int seconds, int warmup, int txBytes, String transport, int outstanding, String timeouts,
            int maxBlockTxs, int maxBlockBytes, long rate) throws Exception {
        long[] t = Arrays.stream(timeouts.split(",")).mapToLong(Long::parseLong).toArray();
        NodeConfig cfg = NodeConfig.defaults(new SigningDigests(Eip712Domain.seqpool(31337, Address.fromHex("0x" + "aa".repeat(20)))))
                .withTimeouts(t[0], t[1], t[1], t[2]).withGossipInterval(1000).withBlockLimits(maxBlockTxs, maxBlockBytes);
        List<LocalNodeSigner> keys = new ArrayList<>();
        List<Validator> vs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            byte[] k = new byte[32];
            k[30] = 0x5e;
            k[31] = (byte) i;
            LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(k);
            keys.add(s);
            vs.add(new Validator(s.address(), 1));
        }
        ValidatorSet genesis = new ValidatorSet(vs);
        JitWarmup.run(3000);
        List<AutoCloseable> closers = new ArrayList<>();
        List<P2pNetwork> nets = networks(keys, transport, closers);
        System.out.println("mesh connected at " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        List<ConsensusHost> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ConsensusHost h = new ConsensusHost(cfg, keys.get(i), counting(SignatureVerifier.secp256k1()), new InMemoryKeyValueStore(),
                    new LoadApp(i == 0), genesis, nets.get(i), timing, Map.of());
            hosts.add(h);
        }
        hosts.forEach(ConsensusHost::start);
        // clients start once every validator has committed a block: a backlog built while 21 JVM-cold validators
        // connect and compile would otherwise be measured as the steady state
        long liveDeadline = System.nanoTime() + 120_000_000_000L;
        while (hosts.stream().anyMatch(h -> h.committedHeight() < 1) && System.nanoTime() < liveDeadline) {
            Thread.sleep(20);
        }
        System.out.println("chain live at " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        long start = System.nanoTime();
        measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long submitted = 0;
        byte[] body = new byte[txBytes];
        body[0] = 't';
        long heightsAtStart = -1;
        Map<String, Long> cpuAtStart = Map.of();
        long verifiedAtStart = 0;
        long nextProgress = System.nanoTime();
        boolean progress = Boolean.getBoolean("seqpool.bench.progress"); // a line per second, to see a run stall
        while (System.nanoTime() < end) {
            if (progress && System.nanoTime() >= nextProgress) {
                nextProgress += 1_000_000_000L;
                System.out.println("t=" + (System.nanoTime() - t0) / 1_000_000 + " height=" + hosts.get(0).committedHeight()
                        + " submitted=" + submitted + " committed=" + committedTotal.get() + " verified=" + verifications.get());
            }
            if (heightsAtStart < 0 && System.nanoTime() >= measureFrom) {
                cpuAtStart = ThreadCpu.snapshot();
                heightsAtStart = hosts.get(0).committedHeight();
                verifiedAtStart = verifications.get();
            }
            if (rate > 0 && submitted >= (System.nanoTime() - start) / 1000 * rate / 1_000_000) {
                Thread.sleep(1); // offered load: at most rate tx/s since the start
                continue;
            }
            if (submitted - committedTotal.get() > outstanding) {
                Thread.sleep(1);
                continue;
            }
            long id = submitted;
            for (int b = 0; b < 8; b++) {
                body[1 + b] = (byte) (id >>> (8 * b));
            }
            if (hosts.get((int) (submitted % n)).submit(Bytes.of(body)) == SubmitResult.ACCEPTED) {
                submitted++;
            } else {
                Thread.sleep(1);
            }
        }
        long heightsAtEnd = hosts.get(0).committedHeight();
        Map<String, Long> cpuAtEnd = ThreadCpu.snapshot();
        long verifiedAtEnd = verifications.get();
        long[] lat = decides.stream().mapToLong(x -> x[0]).sorted().toArray();
        double secs = seconds;
        System.out.printf("validators=%d transport=%s txBytes=%d timeouts(propose,vote,delta)=%s maxBlockTxs=%d"
                + " maxBlockBytes=%d offered=%s%n", n, transport, txBytes, timeouts, maxBlockTxs, maxBlockBytes,
                rate > 0 ? rate + " tx/s" : "saturation");
        System.out.printf("heights=%d (decisions measured %d) commit latency p50=%.1f ms p99=%.1f ms throughput=%.0f tx/s"
                + " (avg %.0f txs/block)%n", hosts.get(0).committedHeight(), lat.length, pct(lat, 0.50), pct(lat, 0.99),
                committedTxs.get() / secs, lat.length == 0 ? 0.0 : committedTxs.get() / (double) lat.length * n);
        System.out.println(ThreadCpu.delta(cpuAtStart, cpuAtEnd));
        System.out.printf("signature verifications: %.1f per height per validator (%d heights measured)%n",
                (verifiedAtEnd - verifiedAtStart) / (double) Math.max(1, heightsAtEnd - heightsAtStart) / n,
                heightsAtEnd - heightsAtStart);
        for (ConsensusHost h : hosts) {
            h.close();
        }
        for (AutoCloseable c : closers) {
            c.close();
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * Listen ports under Linux's ephemeral range (32768+): a port picked with {@code new ServerSocket(0)} can be taken
     * by one of the 420 outbound connections before its node binds it.
     */
    private static int[] freePortsBelowEphemeralRange(int count) throws IOException {
        int[] ports = new int[count];
        int next = 20_000 + new java.util.Random().nextInt(10_000);
        for (int i = 0; i < count; i++) {
            while (true) {
                int candidate = next++;
                try (ServerSocket s = new ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                    ports[i] = candidate;
                    break;
                } catch (IOException taken) {
                    if (next > 32_000) {
                        throw new IOException("no free port below 32000", taken);
                    }
                }
            }
        }
        return ports;
    }

    private static List<P2pNetwork> networks(List<LocalNodeSigner> keys, String transport, List<AutoCloseable> closers)
            throws Exception {
        List<P2pNetwork> out = new ArrayList<>();
        if (transport.equals("memory")) {
            InMemoryNetworkHub hub = new InMemoryNetworkHub();
            closers.add(hub);
            for (LocalNodeSigner k : keys) {
                out.add(hub.join(k.address()));
            }
            return out;
        }
        int[] ports = freePortsBelowEphemeralRange(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<PeerEndpoint> peers = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++) {
                if (j != i) {
                    peers.add(new PeerEndpoint(keys.get(j).address(), "127.0.0.1", ports[j]));
                }
            }
            NettyP2pNetwork net = P2pNetworks.start(P2pConfig.builder().listen("127.0.0.1", ports[i]).peers(peers)
                    .ioThreads(1).sendQueue(100_000, 256 << 20).handshakeTimeoutMs(60_000).build(), keys.get(i));
            closers.add(net);
            out.add(net);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (P2pNetwork net : out) {
            while (net.connectedPeers().size() < keys.size() - 1) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("full mesh not connected after 120 s");
                }
                Thread.sleep(50);
            }
        }
        return out;
    }
}
