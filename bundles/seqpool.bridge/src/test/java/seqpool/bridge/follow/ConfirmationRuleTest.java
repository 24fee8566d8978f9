package seqpool.bridge.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.bridge.testing.FakeL1Chain;

/** Which range comes next, as a table: cursor block, head, confirmations, max range → range or none. */
class ConfirmationRuleTest {
    @ParameterizedTest(name = "cursor {0}, head {1}, {2} confirmations, max {3} -> {4}")
    @CsvSource({
        // cursor, head, confirmations, maxRange, expected
        "-1,    0,  1,   10, none",      // genesis is not confirmed with 1 confirmation yet
        "-1,    1,  1,   10, 0..0",
        "-1,  100, 12, 1000, 0..88",
        "10,   22, 12, 1000, none",      // block 10 recorded, 22 - 12 = 10 is the newest confirmed
        "10,   23, 12, 1000, 11..11",
        "10, 5000, 12, 1000, 11..1010",  // bounded by maxBlockRange
        "4,    10,  2,    3, 5..7",
        "50,   40,  2,   10, none",      // L1 behind the cursor (another node, or a reorg to a shorter chain)
        "9,    11,  2,    1, none",
        "9,    12,  2,    1, 10..10",
    })
    void nextRange(long cursorBlock, long head, int confirmations, int maxRange, String expected) {
        Cursor cursor = cursorBlock < 0 ? Cursor.unanchored(0) : new Cursor(cursorBlock, FakeL1Chain.topic("c"));
        Optional<BlockRange> next = ConfirmationRule.next(cursor, head, confirmations, maxRange);
        assertEquals(expected, next.map(BlockRange::toString).orElse("none"));
    }

    @Test
    void startBlockCursorBeginsAtTheStartBlock() {
        assertEquals(new BlockRange(7, 9), ConfirmationRule.next(Cursor.unanchored(7), 11, 2, 100).orElseThrow());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> ConfirmationRule.next(Cursor.unanchored(0), 5, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> ConfirmationRule.next(Cursor.unanchored(0), 5, 1, 0));
    }

    @Test
    void confirmedHeadNeverBelowMinusOne() {
        assertEquals(-1, ConfirmationRule.confirmedHead(3, 12));
        assertEquals(88, ConfirmationRule.confirmedHead(100, 12));
    }
}
