package seqpool.bridge.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Fixtures.epoch;
import static seqpool.bridge.testing.Fixtures.locked;
import static seqpool.bridge.testing.Fixtures.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import seqpool.api.bridge.L1Event;
import seqpool.api.store.StoreException;
import seqpool.bridge.record.BridgeRecord;
import seqpool.bridge.testing.FailingStore;
import seqpool.bridge.testing.FakeL1Chain;
import seqpool.bridge.testing.Fixtures;
import seqpool.store.memory.InMemoryKeyValueStore;

/** One follow step at a time against the in-memory L1 and the real record on the in-memory store. */
class FollowerTest {
    private FakeL1Chain chain;
    private FailingStore store;
    private BridgeRecord record;

    @BeforeEach
    void setUp() throws Exception {
        chain = new FakeL1Chain(Fixtures.CHAIN_ID);
        store = new FailingStore(new InMemoryKeyValueStore());
        record = BridgeRecord.open(store);
    }

    private static List<StepResult> runUntilCaughtUp(Follower f) throws Exception {
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            StepResult r = f.step();
            results.add(r);
            if (r instanceof StepResult.Idle || r instanceof StepResult.Halted
                    || (r instanceof StepResult.Recorded rec && rec.caughtUp())) {
                return results;
            }
        }
        throw new AssertionError("follower did not catch up: " + results.subList(results.size() - 5, results.size()));
    }

    private List<String> recorded() throws StoreException {
        return record.events(0, Long.MAX_VALUE).stream().map(FollowerTest::id).toList();
    }

    private static String id(L1Event e) {
        return e.l1Block() + ":" + e.logIndex() + ":" + e.kind() + ":" + e.l1BlockHash();
    }

    /** The canonical logs up to {@code block}, as the record should hold them. */
    private List<String> expected(long upTo) {
        return chain.canonicalLogs().stream().filter(l -> l.blockNumber() <= upTo)
                .map(l -> l.blockNumber() + ":" + l.logIndex() + ":"
                        + Fixtures.KINDS.kindOf(l.contract(), l.topics().get(0)) + ":" + l.blockHash())
                .toList();
    }

    @Test
    void eventEntersTheRecordOnlyWithEnoughConfirmations() throws Exception {
        Follower f = new Follower(chain, record, plan(0, 3, 100));
        long lockBlock = chain.mine(locked(1)); // block 1, head 1
        assertInstanceOf(StepResult.Idle.class, f.step());
        chain.mineEmpty(2); // head 3: block 0 confirmed, block 1 has 2 blocks on top
        runUntilCaughtUp(f);
        assertEquals(0, f.cursor().block());
        assertTrue(recorded().isEmpty());
        chain.mine(); // head 4: block 1 has 3 blocks on top
        StepResult r = f.step();
        StepResult.Recorded rec = assertInstanceOf(StepResult.Recorded.class, r);
        assertEquals(new BlockRange(1, 1), rec.range());
        assertEquals(1, rec.events());
        assertTrue(rec.caughtUp());
        assertEquals(List.of(lockBlock + ":0:Locked:" + chain.hashOf(lockBlock)), recorded());
        assertEquals(new Cursor(1, chain.hashOf(1)), record.cursor().orElseThrow());
    }

    @Test
    void everyRequestStaysWithinMaxBlockRangeAndEveryEventIsRecordedOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            if (i % 3 == 0) {
                chain.mine(locked(i), epoch(i));
            } else {
                chain.mine();
            }
        }
        Follower f = new Follower(chain, record, plan(0, 2, 4));
        runUntilCaughtUp(f);
        List<BlockRange> requests = chain.logRequests();
        long next = 0;
        for (BlockRange r : requests) {
            assertTrue(r.size() <= 4, "request " + r + " exceeds maxBlockRange");
            assertEquals(next, r.from(), "ranges must be contiguous: " + requests);
            next = r.to() + 1;
        }
        assertEquals(chain.head() - 2, next - 1);
        assertEquals(expected(chain.head() - 2), recorded());
        assertEquals(20, recorded().size());
    }

    @Test
    void reorgBeforeConfirmationNeverReachesTheRecord() throws Exception {
        Follower f = new Follower(chain, record, plan(0, 3, 100));
        chain.mineEmpty(5); // head 5
        runUntilCaughtUp(f); // recorded through 2
        long lockBlock = chain.mine(locked(7)); // 6
        chain.mine(); // head 7: block 6 has one block on top
        runUntilCaughtUp(f); // through 4
        assertEquals(4, f.cursor().block());
        chain.reorg(2, 4); // blocks 6, 7 replaced; head 9
        runUntilCaughtUp(f); // through 6
        assertEquals(6, f.cursor().block());
        assertEquals(chain.hashOf(6), f.cursor().hash());
        assertTrue(recorded().isEmpty(), "the reverted Locked of block " + lockBlock + " was recorded: " + recorded());
        assertTrue(f.haltReason().isEmpty());
    }

    @Test
    void reorgDeeperThanConfirmationsHaltsAndKeepsTheRecord() throws Exception {
        Follower f = new Follower(chain, record, plan(0, 2, 100));
        chain.mineEmpty(2);
        long lockBlock = chain.mine(locked(1)); // 3
        chain.mineEmpty(3); // head 6
        runUntilCaughtUp(f); // through 4
        List<String> before = recorded();
        assertEquals(List.of(lockBlock + ":0:Locked:" + chain.hashOf(lockBlock)), before);
        Cursor cursor = record.cursor().orElseThrow();
        chain.reorg(4, 10); // blocks 3..6 replaced: the recorded blocks 3 and 4 are gone; head 12
        int requests = chain.logRequests().size();
        StepResult.Halted h = assertInstanceOf(StepResult.Halted.class, f.step());
        assertTrue(h.reason().contains("deeper than 2 confirmations"), h.reason());
        assertTrue(h.reason().contains("block 4"), h.reason());
        chain.mineEmpty(5);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(StepResult.Halted.class, f.step());
        }
        assertEquals(requests, chain.logRequests().size(), "a halted follower reads no more logs");
        assertEquals(before, recorded(), "recorded events are kept as they are");
        assertEquals(cursor, record.cursor().orElseThrow());
    }

    @Test
    void deepReorgIsNoticedWhileIdle() throws Exception {
        Follower f = new Follower(chain, record, plan(0, 2, 100));
        chain.mineEmpty(6);
        runUntilCaughtUp(f); // through 4
        chain.reorg(4, 3); // blocks 3..6 replaced by 3..5: head 5, confirmed 3 < cursor 4
        StepResult.Halted h = assertInstanceOf(StepResult.Halted.class, f.step());
        assertTrue(h.reason().contains("block 4"), h.reason());
    }

    @Test
    void chainThatMovesWhileARangeIsReadIsReadAgain() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(4); // head 5
        AtomicBoolean once = new AtomicBoolean();
        chain.onCall(method -> {
            if (method.startsWith("eth_getLogs") && once.compareAndSet(false, true)) {
                chain.reorg(2, 2); // blocks 4 and 5 change between the header reads and the logs
            }
        });
        Follower f = new Follower(chain, record, plan(0, 1, 100));
        StepResult first = f.step();
        StepResult.Deferred d = assertInstanceOf(StepResult.Deferred.class, first);
        assertTrue(d.reason().contains("changed while"), d.reason());
        assertTrue(record.cursor().isEmpty());
        assertTrue(recorded().isEmpty());
        runUntilCaughtUp(f);
        assertEquals(expected(chain.head() - 1), recorded());
        assertEquals(chain.hashOf(4), f.cursor().hash());
    }

    @Test
    void logWithAStaleBlockHashIsNotRecorded() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(3);
        chain.logFilter(logs -> logs.stream().map(l -> new RawLog(l.blockNumber(), FakeL1Chain.topic("stale"),
                l.txHash(), l.logIndex(), l.contract(), l.topics(), l.data(), false)).toList());
        Follower f = new Follower(chain, record, plan(0, 1, 100));
        assertInstanceOf(StepResult.Deferred.class, f.step());
        assertTrue(recorded().isEmpty());
        chain.logFilter(logs -> logs);
        runUntilCaughtUp(f);
        assertEquals(1, recorded().size());
    }

    @Test
    void duplicateLogsFromTheNodeAreRecordedOnce() throws Exception {
        chain.mine(locked(1), epoch(1));
        chain.mine(locked(2));
        chain.mineEmpty(2);
        chain.logFilter(logs -> {
            List<RawLog> twice = new ArrayList<>(logs);
            twice.addAll(logs);
            return twice;
        });
        runUntilCaughtUp(new Follower(chain, record, plan(0, 1, 100)));
        assertEquals(expected(chain.head() - 1), recorded());
        assertEquals(3, recorded().size());
    }

    @Test
    void restartResumesFromTheStoredCursorWithNothingLostOrRepeated() throws Exception {
        for (int i = 0; i < 20; i++) {
            chain.mine(i % 2 == 0 ? new FakeL1Chain.LogSpec[] {locked(i)} : new FakeL1Chain.LogSpec[0]);
        }
        Follower first = new Follower(chain, record, plan(0, 2, 3));
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(StepResult.Recorded.class, first.step());
        }
        Cursor stopped = record.cursor().orElseThrow();
        assertEquals(8, stopped.block());
        // the process dies here; L1 moves on
        for (int i = 0; i < 10; i++) {
            chain.mine(locked(100 + i));
        }
        int requestsBefore = chain.logRequests().size();
        BridgeRecord reopened = BridgeRecord.open(store);
        Follower second = new Follower(chain, reopened, plan(0, 2, 3));
        runUntilCaughtUp(second);
        assertEquals(stopped.block() + 1, chain.logRequests().get(requestsBefore).from(), "resumes after the cursor");
        List<String> all = recorded();
        assertEquals(expected(chain.head() - 2), all);
        assertEquals(all.size(), new HashSet<>(all).size());
        assertEquals(1, reopened.schemaVersion());
    }

    @Test
    void storedCursorWinsOverAChangedStartBlock() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(5);
        runUntilCaughtUp(new Follower(chain, record, plan(0, 1, 100)));
        long cursor = record.cursor().orElseThrow().block();
        chain.mineEmpty(2);
        Follower later = new Follower(chain, BridgeRecord.open(store), plan(3, 1, 100));
        runUntilCaughtUp(later);
        assertEquals(cursor + 1, chain.logRequests().get(chain.logRequests().size() - 1).from());
        assertEquals(1, recorded().size());
    }

    @Test
    void startBlockSkipsOlderBlocks() throws Exception {
        chain.mine(locked(1)); // 1
        chain.mineEmpty(3);
        chain.mine(locked(2)); // 5
        chain.mineEmpty(2);
        runUntilCaughtUp(new Follower(chain, record, plan(4, 1, 100)));
        assertEquals(4, chain.logRequests().get(0).from());
        assertEquals(List.of(5L), record.events(0, 100).stream().map(L1Event::l1Block).toList());
    }

    @Test
    void failedCommitLeavesNothingAndTheRangeIsRecordedOnceLater() throws Exception {
        chain.mine(locked(1), epoch(1));
        chain.mine(locked(2));
        chain.mineEmpty(2);
        Follower f = new Follower(chain, record, plan(0, 1, 100));
        store.failNextCommit();
        assertThrows(StoreException.class, f::step);
        assertTrue(record.cursor().isEmpty());
        assertTrue(recorded().isEmpty());
        runUntilCaughtUp(f);
        assertEquals(expected(chain.head() - 1), recorded());
    }

    @Test
    void l1FailureInTheMiddleOfAStepChangesNothing() throws Exception {
        chain.mine(locked(1));
        chain.mineEmpty(3);
        AtomicBoolean once = new AtomicBoolean();
        chain.onCall(method -> {
            if (method.startsWith("eth_getLogs") && once.compareAndSet(false, true)) {
                chain.failNext(1);
            }
        });
        Follower f = new Follower(chain, record, plan(0, 1, 100));
        L1Exception e = assertThrows(L1Exception.class, f::step);
        assertTrue(e.getMessage().contains("eth_getLogs"), e.getMessage());
        assertTrue(record.cursor().isEmpty());
        runUntilCaughtUp(f);
        assertEquals(1, recorded().size());
    }

    @Test
    void wrongChainHaltsBeforeReadingAnything() throws Exception {
        FakeL1Chain other = new FakeL1Chain(1);
        other.mine(locked(1));
        other.mineEmpty(3);
        Follower f = new Follower(other, record, plan(0, 1, 100));
        StepResult.Halted h = assertInstanceOf(StepResult.Halted.class, f.step());
        assertTrue(h.reason().contains("chain 1"), h.reason());
        assertTrue(other.logRequests().isEmpty());
        assertEquals(-1, f.lastHead());
    }

    @Test
    void haltIsSticky() throws Exception {
        chain.mineEmpty(3);
        Follower f = new Follower(chain, record, plan(0, 1, 100));
        f.halt("first reason");
        f.halt("second reason");
        assertEquals("first reason", assertInstanceOf(StepResult.Halted.class, f.step()).reason());
        assertTrue(chain.calls().isEmpty());
        assertFalse(f.haltReason().isEmpty());
    }

    @Test
    void eventsAreTaggedWithTheirRecordedBlockHash() throws Exception {
        chain.mine(locked(1));
        chain.mine(locked(2));
        chain.mineEmpty(1);
        runUntilCaughtUp(new Follower(chain, record, plan(0, 1, 100)));
        Set<String> hashes = new HashSet<>();
        for (L1Event e : record.events(0, 10)) {
            assertEquals(chain.hashOf(e.l1Block()), e.l1BlockHash());
            hashes.add(e.l1BlockHash().toString());
        }
        assertEquals(2, hashes.size());
    }
}
