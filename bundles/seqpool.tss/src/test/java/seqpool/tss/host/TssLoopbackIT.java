package seqpool.tss.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.PeerInfo;
import seqpool.api.p2p.SendResult;
import seqpool.api.p2p.Subscription;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdSignature;
import seqpool.api.tss.TssException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.p2p.host.NettyP2pNetwork;
import seqpool.p2p.host.P2pConfig;
import seqpool.p2p.host.P2pNetworks;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.testing.LoopbackPorts;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.testing.PlainSchnorrVerifier;

/**
 * Seven nodes on the real parts — netty TLS transport on loopback, LMDB stores on disk, encrypted vaults: DKG, sign,
 * reshare (a member leaves, one joins), then a node crashes in the middle of the next reshare (after dealing): the
 * reshare fails naming it, generation 2 still signs, the node restarts from its store and the reshare succeeds.
 * Writes the merged trace to target/traces/tss-loopback.ndjson.
 */
class TssLoopbackIT {
    static final KeyId KEY = KeyId.of("pool.batch");
    @TempDir
    Path dir;
    final List<LocalNodeSigner> signers = new ArrayList<>();
    final Map<Address, Integer> ports = new HashMap<>();
    final Map<Address, Node> nodes = new HashMap<>();
    final Map<Address, String> names = new HashMap<>();
    NdjsonTraceWriter trace;

    /** One running node: transport, store, vault, service. */
    record Node(NettyP2pNetwork net, LmdbKeyValueStore store, TssNode tss, ScheduledExecutorService loop) {
        void close() {
            tss.close();
            loop.shutdownNow();
            net.close();
            store.close();
        }
    }

    static int freePort() {
        return LoopbackPorts.free();
    }

    Node start(LocalNodeSigner s, AtomicBoolean crashBeforeVerdict) throws Exception {
        P2pConfig.Builder b = P2pConfig.builder().listen("127.0.0.1", ports.get(s.address())).backoff(50, 400)
                .handshakeTimeoutMs(10_000).ioThreads(1);
        for (LocalNodeSigner o : signers) {
            if (!o.address().equals(s.address())) {
                b.peer(new PeerEndpoint(o.address(), "127.0.0.1", ports.get(o.address())));
            }
        }
        NettyP2pNetwork net = P2pNetworks.start(b.build(), s);
        LmdbKeyValueStore store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir.resolve(names.get(s.address())), 16, 8));
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        P2pNetwork view = crashBeforeVerdict == null ? net : new CrashingView(net, crashBeforeVerdict);
        TssNode tss = new TssNode(view, ShareVault.open(store, "operator passphrase".toCharArray(), new SecureRandom()),
                new SecureRandom(), trace, names::get, loop, Duration.ofSeconds(8));
        Node n = new Node(net, store, tss, loop);
        nodes.put(s.address(), n);
        return n;
    }

    /** A transport view that "crashes" the node (drops everything it sends) once it is about to send a VSS verdict. */
    static final class CrashingView implements P2pNetwork {
        final P2pNetwork d;
        final AtomicBoolean armed;
        volatile boolean crashed;

        CrashingView(P2pNetwork d, AtomicBoolean armed) {
            this.d = d;
            this.armed = armed;
        }

        @Override
        public Address self() {
            return d.self();
        }

        @Override
        public Set<Address> connectedPeers() {
            return d.connectedPeers();
        }

        @Override
        public SendResult send(Address peer, Channel channel, Bytes payload) {
            if (armed.get() && payload.size() > 38 && payload.get(1) == 1 && payload.get(38) == 4) {
                crashed = true;
            }
            return crashed ? SendResult.NOT_CONNECTED : d.send(peer, channel, payload);
        }

        @Override
        public int broadcast(Channel channel, Bytes payload) {
            return d.broadcast(channel, payload);
        }

        @Override
        public Subscription subscribe(Channel channel, MessageListener listener) {
            return d.subscribe(channel, m -> {
                if (!crashed) {
                    listener.onMessage(m);
                }
            });
        }

        @Override
        public void penalize(Address peer, int points, String reason) {
            d.penalize(peer, points, reason);
        }

        @Override
        public java.util.Optional<PeerInfo> peer(Address peer) {
            return d.peer(peer);
        }

        @Override
        public int maxPayloadBytes() {
            return d.maxPayloadBytes();
        }
    }

    @AfterEach
    void stop() throws IOException {
        nodes.values().forEach(Node::close);
        if (trace != null) {
            trace.close();
        }
    }

    Address a(int i) {
        return signers.get(i - 1).address();
    }

    List<Address> range(int from, int to) {
        List<Address> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(a(i));
        }
        return out;
    }

    static <T> List<T> all(List<CompletableFuture<T>> fs) {
        return fs.stream().map(f -> f.orTimeout(90, TimeUnit.SECONDS).join()).toList();
    }

    void awaitMesh() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!nodes.values().stream().allMatch(n -> n.net().connectedPeers().size() == signers.size() - 1)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mesh not formed");
            }
            Thread.sleep(20);
        }
    }

    List<CompletableFuture<KeyInfo>> reshare(Committee from, int gen, Committee to, Bytes groupKey, long epoch) {
        Set<Address> parties = new LinkedHashSet<>(from.members());
        parties.addAll(to.members());
        List<CompletableFuture<KeyInfo>> fs = new ArrayList<>();
        for (Address p : parties) {
            fs.add(nodes.get(p).tss().reshare(KEY, from, gen, to, groupKey, epoch).toCompletableFuture());
        }
        return fs;
    }

    ThresholdSignature sign(List<Address> who, byte[] msg) {
        List<CompletableFuture<ThresholdSignature>> fs = new ArrayList<>();
        for (Address p : who) {
            fs.add(nodes.get(p).tss().sign(KEY, SignatureScheme.FROST_SECP256K1_SHA256, Bytes.wrap(msg), Set.copyOf(who))
                    .toCompletableFuture());
        }
        return all(fs).get(0);
    }

    @Test
    void sevenNodesDkgSignReshareCrashRecover() throws Exception {
        trace = NdjsonTraceWriter.toFile(Path.of("target", "traces", "tss-loopback.ndjson"));
        for (int i = 0; i < 7; i++) {
            signers.add(LocalNodeSigner.generate(new SecureRandom()));
        }
        signers.sort(Comparator.comparing(LocalNodeSigner::address));
        for (int i = 0; i < 7; i++) {
            ports.put(signers.get(i).address(), freePort());
            names.put(signers.get(i).address(), "n" + (i + 1));
        }
        AtomicBoolean crash3 = new AtomicBoolean(false);
        for (LocalNodeSigner s : signers) {
            start(s, s.address().equals(a(3)) ? crash3 : null);
        }
        awaitMesh();

        Committee c1 = new Committee(range(1, 6), 4);
        List<CompletableFuture<KeyInfo>> dkg = new ArrayList<>();
        for (Address p : c1.members()) {
            dkg.add(nodes.get(p).tss().generate(KEY, c1, 1).toCompletableFuture());
        }
        Bytes groupKey = all(dkg).get(0).groupKey();
        byte[] m1 = "batch 1".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m1, sign(range(1, 4), m1).value().toArray()));

        Committee c2 = new Committee(range(2, 7), 5);
        all(reshare(c1, 1, c2, groupKey, 2)).forEach(i -> assertEquals(groupKey, i.groupKey()));
        byte[] m2 = "batch 2".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m2, sign(range(3, 7), m2).value().toArray()));

        // n3 crashes after dealing in the reshare to generation 3.
        Committee c3 = new Committee(range(1, 7), 5);
        crash3.set(true);
        List<CompletableFuture<KeyInfo>> failed = reshare(c2, 2, c3, groupKey, 3);
        List<Address> parties = new ArrayList<>(new LinkedHashSet<>(c2.members()));
        c3.members().stream().filter(x -> !parties.contains(x)).forEach(parties::add);
        Address n3 = a(3);
        for (int i = 0; i < failed.size(); i++) {
            Throwable t = failed.get(i).handle((v, ex) -> ex).orTimeout(90, TimeUnit.SECONDS).join();
            assertTrue(t != null, "the reshare must fail on " + names.get(parties.get(i)));
            TssException e = (TssException) (t instanceof CompletionException ? t.getCause() : t);
            if (!parties.get(i).equals(n3)) {
                assertEquals(TssException.Kind.TIMEOUT, e.kind(), e.getMessage());
                assertEquals(Set.of(n3), e.culprits(), e.getMessage());
            }
        }
        nodes.remove(n3).close();
        byte[] m3 = "batch 3".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m3,
                sign(List.of(a(2), a(4), a(5), a(6), a(7)), m3).value().toArray()));

        // n3 restarts from its LMDB store and the reshare succeeds.
        start(signers.get(2), null);
        awaitMesh();
        assertEquals(2, nodes.get(n3).tss().status(KEY).orElseThrow().generation());
        all(reshare(c2, 2, c3, groupKey, 4)).forEach(i -> assertEquals(3, i.generation()));
        byte[] m4 = "batch 4".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m4,
                sign(List.of(a(1), a(3), a(5), a(6), a(7)), m4).value().toArray()));
    }
}
