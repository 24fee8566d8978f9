package seqpool.sequencer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.host.Cluster.Member;
import seqpool.sequencer.store.EquivocationRecord;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.testing.TestHub.Penalty;
import seqpool.sequencer.wire.L2Message.BlockRequest;
import seqpool.sequencer.wire.L2Message.BlockResponse;
import seqpool.sequencer.wire.L2Message.NewBlock;

/**
 * Several sequencer hosts on an in-memory network with a scripted PoS service: real threads, real clock, in-memory
 * stores. Scenarios are named by what they prove.
 */
class SequencerNetworkTest {
    static final LocalNodeSigner K1 = Keys.node(1), K2 = Keys.node(2), K3 = Keys.node(3), K4 = Keys.node(4);
    static final LocalNodeSigner MALLORY = Keys.mallory();
    static final long WAIT = 20_000;

    final Cluster cluster = new Cluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** No two different blocks were ever broadcast for one number, by one sender or by different ones (no fork). */
    void assertOneBlockPerNumber() {
        Map<Long, Set<Hash32>> all = new java.util.HashMap<>();
        cluster.broadcastBlocks().values().forEach(bySender -> bySender.forEach(
                (n, hashes) -> all.computeIfAbsent(n, k -> new java.util.HashSet<>()).addAll(hashes)));
        all.forEach((n, hashes) -> assertEquals(1, hashes.size(), hashes.size() + " different blocks numbered " + n));
    }

    /** Compares by hash first, for a readable failure. */
    static void assertSameChain(List<L2Block> expected, List<L2Block> actual) {
        assertEquals(expected.stream().map(b -> b.number() + ":" + b.hash()).toList(),
                actual.stream().map(b -> b.number() + ":" + b.hash()).toList());
        assertEquals(expected, actual);
    }

    @Test
    void blocksFlowFromTheProducerToEveryFollowerAt250ms() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 8, K1.address()));
        HostSettings s = Cluster.settings(250, 1_000, 16, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        Member n2 = cluster.add("n2", K2, pos, s);
        Member n3 = cluster.add("n3", K3, pos, s);
        Cluster.await("n1 producing", WAIT, () -> n1.head() >= 1);
        assertTrue(n1.host.isProducing(), "n1 holds the assignment for its next block");
        assertEquals(8, n1.host.producingUntil());
        assertFalse(n2.host.isProducing());
        Cluster.await("all at block 8", WAIT, () -> n1.head() == 8 && n2.head() == 8 && n3.head() == 8);
        Cluster.await("n1 stops at the end of its range", WAIT, () -> !n1.host.isProducing());
        assertEquals(-1, n1.host.producingUntil());

        List<L2Block> chain = Cluster.chain(n1, 8);
        Cluster.assertLinked(chain);
        assertSameChain(chain, Cluster.chain(n2, 8));
        assertSameChain(chain, Cluster.chain(n3, 8));
        assertTrue(chain.stream().allMatch(b -> b.producer().equals(K1.address()) && b.epoch() == 1));
        assertTrue(chain.get(7).timestampMillis() - chain.get(0).timestampMillis() >= 7 * 200,
                "one block per block time");
        assertEquals(range(1, 8), n2.notified, "each new head once, in order");
        assertEquals(range(1, 8), n1.notified);
        Thread.sleep(600);
        assertEquals(8, n1.head(), "nothing beyond the assigned range");
        assertEquals(Set.of(K1.address()), cluster.broadcastBlocks().keySet(), "only the assigned producer produced");
        assertEquals(List.of(), cluster.hub.penalties());
    }

    @Test
    void afterARotationTheNewProducerContinuesWithoutAGapOrAFork() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 10, K1.address()));
        HostSettings s = Cluster.settings(250, 1_000, 16, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        AtomicBoolean rotated = new AtomicBoolean();
        n1.host.subscribe(b -> { // on n1's thread, right after it stored block 5: the pool rotates 6..10 to n2
            if (b.number() == 5 && rotated.compareAndSet(false, true)) {
                pos.commit(ScriptedPos.assign(1, 1, 6, 10, K2.address()));
            }
        });
        Member n2 = cluster.add("n2", K2, pos, s);
        Member n3 = cluster.add("n3", K3, pos, s);
        Cluster.await("all at block 10", WAIT, () -> n1.head() == 10 && n2.head() == 10 && n3.head() == 10);

        List<L2Block> chain = Cluster.chain(n3, 10);
        Cluster.assertLinked(chain);
        assertSameChain(chain, Cluster.chain(n1, 10));
        assertSameChain(chain, Cluster.chain(n2, 10));
        for (L2Block b : chain) {
            assertEquals(b.number() <= 5 ? K1.address() : K2.address(), b.producer(), "producer of " + b.number());
            assertEquals(1, b.epoch());
        }
        assertOneBlockPerNumber();
        assertEquals(5L, cluster.broadcastBlocks().get(K1.address()).keySet().stream().mapToLong(n -> n).max()
                .orElseThrow(), "n1 stopped at the rotation");
        assertFalse(n1.host.isProducing());
        assertEquals(List.of(), cluster.hub.penalties());
    }

    @Test
    void aNodeThatWasOfflineCatchesUpBySync() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 15, K1.address()));
        HostSettings s = Cluster.settings(100, 200, 3, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        Member n2 = cluster.add("n2", K2, pos, s);
        Member n3 = cluster.add("n3", K3, pos, s);
        Cluster.await("n3 follows", WAIT, () -> n3.head() >= 3);
        cluster.stop(n3);
        long stoppedAt = n3.head();
        Cluster.await("n1 at block 15", WAIT, () -> n1.head() == 15);
        assertTrue(stoppedAt < 15);
        int requestsBefore = cluster.sentBy(n3, BlockRequest.class).size();

        cluster.start(n3); // restarts on its store, behind by several sync batches
        Member n4 = cluster.add("n4", K4, pos, s); // a new node with an empty store
        Cluster.await("n3 and n4 caught up", WAIT, () -> n3.head() == 15 && n4.head() == 15);
        List<L2Block> chain = Cluster.chain(n1, 15);
        assertSameChain(chain, Cluster.chain(n2, 15));
        assertSameChain(chain, Cluster.chain(n3, 15));
        assertSameChain(chain, Cluster.chain(n4, 15));
        assertTrue(cluster.sentBy(n3, BlockRequest.class).size() - requestsBefore >= (15 - stoppedAt) / 3,
                "n3 fetched the blocks in batches of 3");
        assertTrue(cluster.sentBy(n4, BlockRequest.class).size() >= 5, "n4 fetched 15 blocks in batches of 3");
        assertTrue(cluster.sentBy(n4, BlockRequest.class).stream().allMatch(r -> r.count() <= 3));
        assertEquals(List.of(), cluster.hub.penalties());
    }

    @Test
    void aRestartedProducerDoesNotSignANumberTwice() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 12, K1.address()));
        HostSettings s = Cluster.settings(100, 200, 8, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        Member n2 = cluster.add("n2", K2, pos, s);
        Cluster.await("n1 at block 4", WAIT, () -> n1.head() >= 4);
        cluster.stop(n1);
        long stoppedAt = n1.head();
        Thread.sleep(300);
        cluster.start(n1);
        assertEquals(stoppedAt, n1.head(), "the restarted producer starts from its stored head");
        Cluster.await("both at block 12", WAIT, () -> n1.head() == 12 && n2.head() == 12);
        assertTrue(stoppedAt < 12, "restarted inside its range");
        List<L2Block> chain = Cluster.chain(n1, 12);
        Cluster.assertLinked(chain);
        assertSameChain(chain, Cluster.chain(n2, 12));
        assertOneBlockPerNumber();
        assertEquals(range(1, 12), cluster.broadcastBlocks().get(K1.address()).keySet().stream().sorted().toList());
        assertEquals(List.of(), cluster.hub.penalties());
    }

    @Test
    void malformedMessagesArePenalisedAndDoNotStopTheNode() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 12, K1.address()));
        HostSettings s = Cluster.settings(100, 200, 8, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        Member n2 = cluster.add("n2", K2, pos, s);
        cluster.hub.join(MALLORY.address());
        Cluster.await("n2 following", WAIT, () -> n2.head() >= 2);

        L2Block real = n2.host.block(1).orElseThrow();
        Bytes good = Cluster.CODEC.encode(new NewBlock(real));
        List<Bytes> garbage = List.of(Bytes.EMPTY, Bytes.of((byte) 9), Bytes.fromHex("deadbeef"),
                good.slice(0, good.size() - 3), good.concat(Bytes.of((byte) 0)),
                Bytes.fromHex("04ffffffff"), Bytes.fromHex("03" + "00".repeat(7) + "05" + "00".repeat(7) + "04"));
        garbage.forEach(g -> cluster.hub.inject(MALLORY.address(), n2.address(), g));
        L2Block forged = Blocks.signed(MALLORY, K1.address(), 12, Hash32.ZERO, 1, 1, List.of(), Hash32.ZERO);
        L2Block notAssigned = Blocks.signed(MALLORY, 11, Hash32.ZERO, 1, 1);
        cluster.hub.inject(MALLORY.address(), n2.address(), Cluster.CODEC.encode(new NewBlock(forged)));
        cluster.hub.inject(MALLORY.address(), n2.address(), Cluster.CODEC.encode(new NewBlock(notAssigned)));
        cluster.hub.inject(MALLORY.address(), n2.address(),
                Cluster.CODEC.encode(new BlockResponse(List.of(Blocks.withHash(real, Hash32.ZERO)))));

        Cluster.await("n2 follows to the end", WAIT, () -> n2.head() == 12);
        assertSameChain(Cluster.chain(n1, 12), Cluster.chain(n2, 12));
        Cluster.await("every bad message scored", WAIT, () -> cluster.hub.penalties().size() >= garbage.size() + 3);
        List<Penalty> penalties = cluster.hub.penalties();
        assertTrue(penalties.stream().allMatch(p -> p.reporter().equals(n2.address())
                && p.peer().equals(MALLORY.address())), "only mallory is blamed: " + penalties);
        assertEquals(garbage.size(), penalties.stream().filter(p -> p.reason().startsWith("l2 MALFORMED")).count());
        for (String fault : List.of("BAD_SIGNATURE", "WRONG_PRODUCER", "BAD_HASH")) {
            assertEquals(1, penalties.stream().filter(p -> p.reason().startsWith("l2 " + fault)).count(), fault);
        }
        assertEquals(0, cluster.hub.listenerFailures(), "nothing was thrown out of a p2p listener");
        assertTrue(n2.host.running());
    }

    @Test
    void aFollowerWhoseConsensusLagsHoldsBlocksUntilTheAssignmentIsCommitted() throws Exception {
        ScriptedPos ahead = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 10, K1.address()));
        ScriptedPos lagging = new ScriptedPos();
        // status every minute: only the held blocks, not sync, can bring the lagging node to the head
        HostSettings s = Cluster.settings(100, 60_000, 8, 64);
        Member n1 = cluster.add("n1", K1, ahead, s);
        Member n3 = cluster.add("n3", K3, lagging, s);
        Cluster.await("n1 at block 10", WAIT, () -> n1.head() == 10);
        Cluster.await("n3 holds all ten", WAIT, () -> n3.host.heldBlocks() == 10);
        assertEquals(0, n3.head());
        lagging.commit(ScriptedPos.assign(1, 0, 1, 10, K1.address()));
        Cluster.await("n3 at block 10 once its PoS committed the assignment", 3_000, () -> n3.head() == 10);
        assertSameChain(Cluster.chain(n1, 10), Cluster.chain(n3, 10));
        assertEquals(0, n3.host.heldBlocks());
        assertEquals(List.of(), cluster.hub.penalties(), "waiting for consensus is nobody's fault");
    }

    @Test
    void anEquivocatingProducerIsRecordedAndTheChainIsNotSwitched() throws Exception {
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 6, K1.address()));
        HostSettings s = Cluster.settings(100, 200, 8, 64);
        Member n1 = cluster.add("n1", K1, pos, s);
        Member n2 = cluster.add("n2", K2, pos, s);
        cluster.hub.join(MALLORY.address());
        Cluster.await("both at block 6", WAIT, () -> n1.head() == 6 && n2.head() == 6);
        L2Block kept = n2.host.block(3).orElseThrow();
        // n1's key signed a second block 3 (a twin of n1, say); mallory relays it
        L2Block twin = Blocks.signed(K1, 3, kept.parentHash(), 1, kept.timestampMillis() + 1);
        cluster.hub.inject(MALLORY.address(), n2.address(), Cluster.CODEC.encode(new NewBlock(twin)));
        L2BlockStore evidence = L2BlockStore.open(n2.kv);
        Cluster.await("evidence stored", WAIT, () -> {
            try {
                return !evidence.equivocations().isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(new EquivocationRecord(kept, twin)), evidence.equivocations());
        assertEquals(kept, n2.host.block(3).orElseThrow(), "the chain keeps its block");
        assertSameChain(Cluster.chain(n1, 6), Cluster.chain(n2, 6));
        assertEquals(List.of(), cluster.hub.penalties(), "relaying a signed block is not the relay's fault");
    }
}
