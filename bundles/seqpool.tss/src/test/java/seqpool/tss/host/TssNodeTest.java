package seqpool.tss.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.store.KeyValueStore;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdSignature;
import seqpool.api.tss.TssException;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.testing.HubNetwork;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.PlainSchnorrVerifier;

/**
 * The host over an in-memory hub: DKG, sign, reshare with members leaving and joining, a node crashing in the middle
 * of a reshare (the reshare fails naming it, the old generation still signs), the node recovering from its store and
 * the reshare succeeding; delete.
 */
class TssNodeTest {
    static final KeyId KEY = KeyId.of("pool.batch");
    final HubNetwork hub = new HubNetwork();
    final Map<Address, KeyValueStore> stores = new HashMap<>();
    final Map<Address, TssNode> nodes = new HashMap<>();
    final List<ScheduledExecutorService> loops = new ArrayList<>();
    final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

    TssNode start(Address a) throws Exception {
        KeyValueStore store = stores.computeIfAbsent(a, x -> new InMemoryKeyValueStore());
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        loops.add(loop);
        TraceSink trace = (node, event, f) -> events.add(node + " " + event + " " + f);
        TssNode n = new TssNode(hub.node(a), ShareVault.open(store, ("pw-" + a).toCharArray(), new SecureRandom()),
                new SecureRandom(), trace, Parties::name, loop, Duration.ofSeconds(3));
        nodes.put(a, n);
        return n;
    }

    @AfterEach
    void stop() {
        loops.forEach(ScheduledExecutorService::shutdownNow);
    }

    static <T> List<T> all(List<CompletableFuture<T>> fs) {
        return fs.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).toList();
    }

    List<KeyInfo> reshare(Committee from, int gen, Committee to, Bytes groupKey, long epoch) {
        Set<Address> parties = new LinkedHashSet<>(from.members());
        parties.addAll(to.members());
        List<CompletableFuture<KeyInfo>> fs = new ArrayList<>();
        for (Address a : parties) {
            fs.add(nodes.get(a).reshare(KEY, from, gen, to, groupKey, epoch).toCompletableFuture());
        }
        return all(fs);
    }

    ThresholdSignature sign(List<Address> signers, byte[] msg) throws Exception {
        List<CompletableFuture<ThresholdSignature>> fs = new ArrayList<>();
        for (Address a : signers) {
            fs.add(nodes.get(a).sign(KEY, SignatureScheme.FROST_SECP256K1_SHA256, Bytes.wrap(msg), Set.copyOf(signers))
                    .toCompletableFuture());
        }
        List<ThresholdSignature> sigs = all(fs);
        sigs.forEach(s -> assertEquals(sigs.get(0).value(), s.value()));
        return sigs.get(0);
    }

    /**
     * Reshare 4 → 5 while old member n1 is down: the other three old members (the old threshold) deal, the dealer
     * deadline passes, the reshare completes with the same key and generation 2 signs.
     */
    @Test
    void reshareCompletesWithOneOldMemberDown() throws Exception {
        for (Address a : Parties.range(1, 6)) {
            start(a);
        }
        Committee c1 = new Committee(Parties.range(1, 4), 3);
        List<CompletableFuture<KeyInfo>> fs = new ArrayList<>();
        for (Address a : c1.members()) {
            fs.add(nodes.get(a).generate(KEY, c1, 1).toCompletableFuture());
        }
        Bytes groupKey = all(fs).get(0).groupKey();
        Address n1 = Parties.address(1);
        hub.crash(n1);
        Committee c2 = new Committee(Parties.range(2, 6), 4);
        List<CompletableFuture<KeyInfo>> r2 = new ArrayList<>();
        for (Address a : Parties.range(2, 6)) {
            r2.add(nodes.get(a).reshare(KEY, c1, 1, c2, groupKey, 2).toCompletableFuture());
        }
        all(r2).forEach(i -> {
            assertEquals(2, i.generation());
            assertEquals(groupKey, i.groupKey());
        });
        byte[] m = "after a reshare without n1".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m,
                sign(List.of(Parties.address(2), Parties.address(4), Parties.address(5), Parties.address(6)), m)
                        .value().toArray()));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("n2 GenerationErased")), events::toString);
    }

    @Test
    void dkgSignReshareCrashRecover() throws Exception {
        for (Address a : Parties.range(1, 7)) {
            start(a);
        }
        Committee c1 = new Committee(Parties.range(1, 5), 4);
        List<CompletableFuture<KeyInfo>> fs = new ArrayList<>();
        for (Address a : c1.members()) {
            fs.add(nodes.get(a).generate(KEY, c1, 1).toCompletableFuture());
        }
        List<KeyInfo> infos = all(fs);
        Bytes groupKey = infos.get(0).groupKey();
        infos.forEach(i -> assertEquals(groupKey, i.groupKey()));
        byte[] m1 = "batch 1".getBytes();
        ThresholdSignature s1 = sign(Parties.range(2, 5), m1);
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m1, s1.value().toArray()));

        // Reshare: n1 leaves, n6 and n7 join, threshold 5 of 6.
        Committee c2 = new Committee(Parties.range(2, 7), 5);
        reshare(c1, 1, c2, groupKey, 2).forEach(i -> assertEquals(2, i.generation()));
        assertEquals(KeyStatus.NOT_A_MEMBER, nodes.get(Parties.address(1)).status(KEY).orElseThrow().status());
        byte[] m2 = "batch 2".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m2, sign(Parties.range(3, 7), m2).value().toArray()));

        // n4 crashes right after dealing in the next reshare: everybody else times out naming n4.
        Address n4 = Parties.address(4);
        hub.dropFrom((from, payload) -> from.equals(n4) && payload.size() > 34 && payload.get(2 + 32 + 4) == 4);
        Committee c3 = new Committee(Parties.range(2, 7), 4);
        List<CompletableFuture<KeyInfo>> r3 = new ArrayList<>();
        for (Address a : c2.members()) {
            r3.add(nodes.get(a).reshare(KEY, c2, 2, c3, groupKey, 3).toCompletableFuture());
        }
        for (int i = 0; i < r3.size(); i++) {
            Address a = c2.members().get(i);
            try {
                r3.get(i).orTimeout(60, TimeUnit.SECONDS).join();
                throw new AssertionError("reshare must fail on " + Parties.name(a));
            } catch (CompletionException e) {
                TssException te = (TssException) e.getCause();
                if (!a.equals(n4)) {
                    assertEquals(TssException.Kind.TIMEOUT, te.kind(), te.getMessage());
                    assertEquals(Set.of(n4), te.culprits());
                }
            }
        }
        hub.crash(n4);
        hub.dropFrom((f, p) -> false);
        // Generation 2 is intact and still signs without n4.
        byte[] m3 = "batch 3".getBytes();
        List<Address> without4 = List.of(Parties.address(2), Parties.address(3), Parties.address(5), Parties.address(6),
                Parties.address(7));
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m3, sign(without4, m3).value().toArray()));

        // n4 recovers from its store; the reshare is run again and succeeds.
        nodes.get(n4).close();
        start(n4);
        assertEquals(2, nodes.get(n4).status(KEY).orElseThrow().generation());
        reshare(c2, 2, c3, groupKey, 4).forEach(i -> assertEquals(3, i.generation()));
        byte[] m4 = "batch 4".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m4,
                sign(List.of(Parties.address(4), Parties.address(5), Parties.address(6), Parties.address(7)), m4)
                        .value().toArray()));
        assertTrue(events.stream().anyMatch(e -> e.contains("GenerationErased") && e.contains("generation=2")));
        assertTrue(events.stream().anyMatch(e -> e.contains("ReshareAborted")));

        // Refresh: same committee and threshold, new shares (generation 4), same key.
        List<CompletableFuture<KeyInfo>> rf = new ArrayList<>();
        for (Address a : c3.members()) {
            rf.add(nodes.get(a).refresh(KEY, 5).toCompletableFuture());
        }
        all(rf).forEach(i -> {
            assertEquals(4, i.generation());
            assertEquals(groupKey, i.groupKey());
            assertEquals(c3, i.committee());
        });
        byte[] m5 = "batch 5".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey.toArray(), m5,
                sign(List.of(Parties.address(2), Parties.address(3), Parties.address(6), Parties.address(7)), m5)
                        .value().toArray()));

        nodes.get(Parties.address(2)).delete(KEY);
        assertEquals(KeyStatus.DELETED, nodes.get(Parties.address(2)).status(KEY).orElseThrow().status());
    }
}
