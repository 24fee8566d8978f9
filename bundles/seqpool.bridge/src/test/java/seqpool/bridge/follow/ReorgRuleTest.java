package seqpool.bridge.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Hash32;
import seqpool.bridge.testing.FakeL1Chain;

/** The reorg rule: a broken link is a race while the cursor block is canonical, a halt once it is not. */
class ReorgRuleTest {
    private static final Hash32 A = FakeL1Chain.topic("a");
    private static final Hash32 B = FakeL1Chain.topic("b");
    private static final Hash32 C = FakeL1Chain.topic("c");

    @Test
    void linksOnlyToTheRecordedHash() {
        Cursor cursor = new Cursor(9, A);
        assertTrue(ReorgRule.links(cursor, new BlockHeader(10, B, A)));
        assertFalse(ReorgRule.links(cursor, new BlockHeader(10, B, C)));
        assertTrue(ReorgRule.links(Cursor.unanchored(10), new BlockHeader(10, B, C)));
    }

    @Test
    void brokenLinkWithCanonicalCursorIsARace() {
        RangeVerdict v = ReorgRule.brokenLink(new Cursor(9, A), new BlockHeader(10, B, C), new BlockHeader(9, A, C), 2);
        assertInstanceOf(RangeVerdict.Defer.class, v);
    }

    @Test
    void brokenLinkWithReplacedCursorBlockHalts() {
        RangeVerdict v = ReorgRule.brokenLink(new Cursor(9, A), new BlockHeader(10, B, C), new BlockHeader(9, C, B), 2);
        RangeVerdict.Halt h = assertInstanceOf(RangeVerdict.Halt.class, v);
        assertTrue(h.reason().contains("deeper than 2 confirmations"), h.reason());
        assertTrue(h.reason().contains("block 9"), h.reason());
        assertEquals(ReorgRule.deepReorg(new Cursor(9, A), new BlockHeader(9, C, B), 2).orElseThrow(), h.reason());
    }

    @Test
    void noDeepReorgWithoutAnchor() {
        assertTrue(ReorgRule.deepReorg(Cursor.unanchored(5), new BlockHeader(4, C, B), 2).isEmpty());
        assertTrue(ReorgRule.deepReorg(new Cursor(4, C), new BlockHeader(4, C, B), 2).isEmpty());
    }
}
