package seqpool.bridge.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.bridge.testing.Fixtures.KINDS;
import static seqpool.bridge.testing.Fixtures.OTHER;
import static seqpool.bridge.testing.Fixtures.POOL;
import static seqpool.bridge.testing.Fixtures.SET;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.bridge.testing.FakeL1Chain;
import seqpool.bridge.testing.Fixtures;

/**
 * The checks on one reading of a range, as a table of tampered readings: each must defer; the untampered reading is
 * accepted with every event once, in L1 order, named by its kind.
 */
class RangeVerifierTest {
    private static final Hash32 OTHER_HASH = FakeL1Chain.topic("another block");
    private FakeL1Chain chain;
    private RangeReading good;

    @BeforeEach
    void chain() throws Exception {
        chain = new FakeL1Chain(Fixtures.CHAIN_ID);
        chain.mineEmpty(2); // blocks 1, 2; the cursor is block 2
        chain.mine(Fixtures.locked(1), Fixtures.epoch(1)); // 3
        chain.mine(); // 4
        chain.mine(Fixtures.locked(2), FakeL1Chain.log(POOL, Fixtures.STRANGE)); // 5
        good = read(chain, new Cursor(2, chain.hashOf(2)), new BlockRange(3, 5));
    }

    static RangeReading read(FakeL1Chain c, Cursor cursor, BlockRange range) throws L1Exception {
        BlockHeader last = c.header(range.to());
        List<RawLog> logs = c.logs(range, List.of(POOL, SET));
        Map<Long, BlockHeader> blocks = new HashMap<>();
        for (RawLog l : logs) {
            blocks.put(l.blockNumber(), c.header(l.blockNumber()));
        }
        return new RangeReading(cursor, range, last, c.header(range.from()), logs, blocks, c.header(range.to()));
    }

    @Test
    void acceptsAConsistentReading() {
        RangeVerdict.Accept a = assertInstanceOf(RangeVerdict.Accept.class, verify(good));
        assertEquals(new Cursor(5, chain.hashOf(5)), a.next());
        List<String> seen = a.events().stream().map(e -> e.l1Block() + ":" + e.logIndex() + ":" + e.kind()).toList();
        assertEquals(List.of("3:0:Locked", "3:1:EpochCommitted", "5:0:Locked", "5:1:Unknown"), seen);
        L1Event first = a.events().get(0);
        RawLog raw = good.logs().get(0);
        assertEquals(raw.txHash(), first.txHash());
        assertEquals(raw.topics(), first.topics());
        assertEquals(raw.data(), first.data());
        assertEquals(chain.hashOf(3), first.l1BlockHash());
    }

    static Stream<Arguments> tampered() {
        return Stream.of(
            Arguments.of("last block changed while reading", (UnaryOperator<RangeReading>) r -> with(r, r.logs(),
                    r.logBlocks(), new BlockHeader(5, OTHER_HASH, r.lastAfter().parentHash()), r.first())),
            Arguments.of("a log carries another block hash", (UnaryOperator<RangeReading>) r -> with(r,
                    mapFirst(r.logs(), l -> new RawLog(l.blockNumber(), OTHER_HASH, l.txHash(), l.logIndex(),
                            l.contract(), l.topics(), l.data(), false)), r.logBlocks(), r.lastAfter(), r.first())),
            Arguments.of("a log flagged removed", (UnaryOperator<RangeReading>) r -> with(r,
                    mapFirst(r.logs(), l -> new RawLog(l.blockNumber(), l.blockHash(), l.txHash(), l.logIndex(),
                            l.contract(), l.topics(), l.data(), true)), r.logBlocks(), r.lastAfter(), r.first())),
            Arguments.of("a log outside the range", (UnaryOperator<RangeReading>) r -> with(r,
                    mapFirst(r.logs(), l -> new RawLog(6, l.blockHash(), l.txHash(), l.logIndex(), l.contract(),
                            l.topics(), l.data(), false)), r.logBlocks(), r.lastAfter(), r.first())),
            Arguments.of("a log of a contract not followed", (UnaryOperator<RangeReading>) r -> with(r,
                    mapFirst(r.logs(), l -> new RawLog(l.blockNumber(), l.blockHash(), l.txHash(), l.logIndex(),
                            OTHER, l.topics(), l.data(), false)), r.logBlocks(), r.lastAfter(), r.first())),
            Arguments.of("two different logs at one position", (UnaryOperator<RangeReading>) r -> with(r,
                    plus(r.logs(), new RawLog(3, r.logs().get(0).blockHash(), OTHER_HASH, 0, POOL,
                            r.logs().get(0).topics(), Bytes.utf8("other"), false)), r.logBlocks(), r.lastAfter(),
                    r.first())),
            Arguments.of("no header read for a log's block", (UnaryOperator<RangeReading>) r -> with(r, r.logs(),
                    Map.of(5L, r.logBlocks().get(5L)), r.lastAfter(), r.first())),
            Arguments.of("first block does not link to the cursor", (UnaryOperator<RangeReading>) r -> with(r,
                    r.logs(), r.logBlocks(), r.lastAfter(), new BlockHeader(3, r.first().hash(), OTHER_HASH))),
            Arguments.of("node answered another block number", (UnaryOperator<RangeReading>) r -> with(r, r.logs(),
                    r.logBlocks(), r.lastAfter(), new BlockHeader(4, r.first().hash(), r.first().parentHash()))),
            Arguments.of("a log block header disagrees with the last block", (UnaryOperator<RangeReading>) r -> {
                Map<Long, BlockHeader> m = new HashMap<>(r.logBlocks());
                m.put(5L, new BlockHeader(5, OTHER_HASH, r.lastAfter().parentHash()));
                return with(r, mapAll(r.logs(), l -> l.blockNumber() == 5 ? new RawLog(5, OTHER_HASH, l.txHash(),
                        l.logIndex(), l.contract(), l.topics(), l.data(), false) : l), m, r.lastAfter(), r.first());
            }));
    }

    @ParameterizedTest(name = "{0}: deferred")
    @MethodSource("tampered")
    void defersAnInconsistentReading(String what, UnaryOperator<RangeReading> tamper) {
        assertInstanceOf(RangeVerdict.Accept.class, verify(good), "the untampered reading is fine");
        RangeVerdict v = verify(tamper.apply(good));
        RangeVerdict.Defer d = assertInstanceOf(RangeVerdict.Defer.class, v, what);
        assertTrue(!d.reason().isBlank());
    }

    @Test
    void identicalDuplicatesAreRecordedOnceAndOrderIsRestored() {
        List<RawLog> doubled = new ArrayList<>(good.logs());
        doubled.addAll(good.logs());
        Collections.reverse(doubled);
        RangeVerdict.Accept a = assertInstanceOf(RangeVerdict.Accept.class,
                verify(with(good, doubled, good.logBlocks(), good.lastAfter(), good.first())));
        assertEquals(4, a.events().size());
        for (int i = 1; i < a.events().size(); i++) {
            assertTrue(a.events().get(i - 1).before(a.events().get(i)));
        }
    }

    @Test
    void logWithoutTopicsIsSkipped() {
        RawLog anonymous = new RawLog(4, chain.hashOf(4), OTHER_HASH, 0, POOL, List.of(), Bytes.utf8("x"), false);
        Map<Long, BlockHeader> blocks = new HashMap<>(good.logBlocks());
        blocks.put(4L, new BlockHeader(4, chain.hashOf(4), chain.hashOf(3)));
        RangeVerdict.Accept a = assertInstanceOf(RangeVerdict.Accept.class,
                verify(with(good, plus(good.logs(), anonymous), blocks, good.lastAfter(), good.first())));
        assertEquals(4, a.events().size());
        assertTrue(a.events().stream().noneMatch(e -> e.l1Block() == 4));
    }

    @Test
    void unanchoredCursorAcceptsAnyFirstBlock() throws Exception {
        RangeReading r = read(chain, Cursor.unanchored(3), new BlockRange(3, 5));
        assertInstanceOf(RangeVerdict.Accept.class, verify(r));
        RangeReading linked = read(chain, new Cursor(2, OTHER_HASH), new BlockRange(3, 5));
        assertInstanceOf(RangeVerdict.Defer.class, verify(linked));
    }

    private static RangeVerdict verify(RangeReading r) {
        return RangeVerifier.verify(r, Set.of(POOL, SET), KINDS);
    }

    private static RangeReading with(RangeReading r, List<RawLog> logs, Map<Long, BlockHeader> blocks,
            BlockHeader lastAfter, BlockHeader first) {
        return new RangeReading(r.cursor(), r.range(), r.lastBefore(), first, logs, blocks, lastAfter);
    }

    private static List<RawLog> mapFirst(List<RawLog> logs, UnaryOperator<RawLog> f) {
        List<RawLog> out = new ArrayList<>(logs);
        out.set(0, f.apply(out.get(0)));
        return out;
    }

    private static List<RawLog> mapAll(List<RawLog> logs, UnaryOperator<RawLog> f) {
        return logs.stream().map(f).toList();
    }

    private static List<RawLog> plus(List<RawLog> logs, RawLog extra) {
        List<RawLog> out = new ArrayList<>(logs);
        out.add(extra);
        return out;
    }
}
