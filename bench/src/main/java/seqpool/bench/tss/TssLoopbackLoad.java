package seqpool.bench.tss;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdSignature;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.host.NettyP2pNetwork;
import seqpool.p2p.host.P2pConfig;
import seqpool.p2p.host.P2pNetworks;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.tss.host.TssNode;
import seqpool.tss.keystore.ShareVault;

/**
 * DKG, reshare (refresh) and FROST signing over the real netty TLS transport on loopback, n nodes in this JVM (one
 * I/O thread and one TSS event thread each, in-memory stores). Prints wall-clock medians.
 *
 * <p>Run: {@code java -cp ... seqpool.bench.tss.TssLoopbackLoad n t [signRounds]}
 */
public final class TssLoopbackLoad {
    private TssLoopbackLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int t = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<LocalNodeSigner> signers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            signers.add(LocalNodeSigner.generate(new SecureRandom()));
        }
        signers.sort(Comparator.comparing(LocalNodeSigner::address));
        Map<Address, Integer> ports = new HashMap<>();
        for (LocalNodeSigner s : signers) {
            try (ServerSocket ss = new ServerSocket(0)) {
                ports.put(s.address(), ss.getLocalPort());
            }
        }
        List<NettyP2pNetwork> nets = new ArrayList<>();
        List<ScheduledExecutorService> loops = new ArrayList<>();
        Map<Address, TssNode> nodes = new HashMap<>();
        try {
            for (LocalNodeSigner s : signers) {
                P2pConfig.Builder b = P2pConfig.builder().listen("127.0.0.1", ports.get(s.address())).backoff(50, 400)
                        .handshakeTimeoutMs(20_000).ioThreads(1);
                signers.stream().filter(o -> o != s)
                        .forEach(o -> b.peer(new PeerEndpoint(o.address(), "127.0.0.1", ports.get(o.address()))));
                NettyP2pNetwork net = P2pNetworks.start(b.build(), s);
                nets.add(net);
                ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
                loops.add(loop);
                nodes.put(s.address(), new TssNode(net, ShareVault.open(new InMemoryKeyValueStore(), "bench".toCharArray(),
                        new SecureRandom()), new SecureRandom(), TraceSink.NONE, Address::toHex, loop, Duration.ofSeconds(120)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!nets.stream().allMatch(x -> x.connectedPeers().size() == n - 1)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("mesh not formed");
                }
                Thread.sleep(20);
            }
            KeyId key = KeyId.of("bench");
            Committee c = new Committee(signers.stream().map(LocalNodeSigner::address).toList(), t);
            long t0 = System.nanoTime();
            List<CompletableFuture<KeyInfo>> dkg = new ArrayList<>();
            for (Address a : c.members()) {
                dkg.add(nodes.get(a).generate(key, c, 1).toCompletableFuture());
            }
            dkg.forEach(CompletableFuture::join);
            double dkgMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            List<CompletableFuture<KeyInfo>> rf = new ArrayList<>();
            for (Address a : c.members()) {
                rf.add(nodes.get(a).refresh(key, 2).toCompletableFuture());
            }
            rf.forEach(CompletableFuture::join);
            double refreshMs = (System.nanoTime() - t0) / 1e6;
            List<Address> quorum = c.members().subList(0, t);
            double[] sign = new double[rounds];
            for (int r = 0; r < rounds + 2; r++) {
                byte[] msg = ("batch " + r).getBytes();
                long s0 = System.nanoTime();
                List<CompletableFuture<ThresholdSignature>> fs = new ArrayList<>();
                for (Address a : quorum) {
                    fs.add(nodes.get(a).sign(key, SignatureScheme.FROST_SECP256K1_SHA256, Bytes.wrap(msg), Set.copyOf(quorum))
                            .toCompletableFuture());
                }
                fs.forEach(CompletableFuture::join);
                if (r >= 2) {
                    sign[r - 2] = (System.nanoTime() - s0) / 1e6;
                }
            }
            Arrays.sort(sign);
            System.out.printf("loopback n=%d t=%d: dkg %.0f ms, refresh %.0f ms, FROST sign median %.1f ms (p90 %.1f ms, %d runs)%n",
                    n, t, dkgMs, refreshMs, sign[rounds / 2], sign[(int) (rounds * 0.9)], rounds);
        } finally {
            nodes.values().forEach(TssNode::close);
            loops.forEach(ScheduledExecutorService::shutdownNow);
            nets.forEach(NettyP2pNetwork::close);
        }
    }
}
