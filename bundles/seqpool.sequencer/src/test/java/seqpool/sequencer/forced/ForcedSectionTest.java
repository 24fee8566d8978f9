package seqpool.sequencer.forced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.pos.PosService;
import seqpool.sequencer.chain.ForcedSource;
import seqpool.sequencer.testing.ScriptedPos;

/** The producer's choice of a section, reading consumed messages page by page, and the executed/skipped split. */
class ForcedSectionTest {
    static Bytes tx(int i) {
        return Bytes.of((byte) 0x02, (byte) (i >> 8), (byte) i);
    }

    @Test
    void executedMessagesAreTheBlocksFirstTransactionsInQueueOrder() {
        ForcedSection s = new ForcedSection(10, List.of(tx(1), tx(2), tx(3), tx(2)));
        assertEquals(14, s.cursor());
        ForcedSection.Match all = s.match(List.of(tx(1), tx(2), tx(3), tx(2), tx(9)));
        assertEquals(List.of(0, 1, 2, 3), all.executed());
        assertEquals(List.of(), all.skipped());
        ForcedSection.Match some = s.match(List.of(tx(2), tx(9)));
        assertEquals(List.of(1), some.executed(), "message 1 is the block's first transaction");
        assertEquals(List.of(0, 2, 3), some.skipped(), "the copy of message 1 at position 3 did not execute again");
        assertEquals(List.of(1), some.executedBefore(3));
        assertEquals(List.of(), some.executedBefore(1));
        ForcedSection.Match none = s.match(List.of());
        assertEquals(List.of(0, 1, 2, 3), none.skipped());
    }

    @Test
    void theProducerTakesEveryDueMessageAndABoundedNumberOfOthers() {
        ScriptedPos pos = new ScriptedPos().enableForced(10);
        for (int i = 0; i < 300; i++) { // all committed at head 0: due at 10
            pos.enqueueForced(tx(i));
        }
        ForcedSource source = ForcedSource.of(pos);
        ForcedSection early = ForcedSection.choose(source, 0, 9).orElseThrow();
        assertEquals(ForcedSection.MAX_EARLY_MESSAGES, early.transactions().size(), "none due at 9: a bounded batch");
        ForcedSection due = ForcedSection.choose(source, 5, 10).orElseThrow();
        assertEquals(295, due.transactions().size(), "every due message, across pages of "
                + PosService.MAX_FORCED_MESSAGES);
        assertEquals(tx(5), due.transactions().get(0));
        assertEquals(300, due.cursor());
        assertEquals(0, ForcedSection.choose(source, 300, 10).orElseThrow().transactions().size());
        assertEquals(0, ForcedSection.choose(ForcedSource.DISABLED, 0, 10).orElseThrow().transactions().size());
        assertTrue(ForcedSection.choose(from -> Optional.empty(), 0, 10).isEmpty());
    }

    @Test
    void consumedMessagesAreReadAcrossPagesOrNotAtAll() {
        ScriptedPos pos = new ScriptedPos().enableForced(10);
        for (int i = 0; i < 600; i++) {
            pos.enqueueForced(tx(i));
        }
        ForcedSection s = ForcedSection.consumed(ForcedSource.of(pos), 100, 500).orElseThrow();
        assertEquals(400, s.transactions().size());
        assertEquals(tx(100), s.transactions().get(0));
        assertEquals(tx(499), s.transactions().get(399));
        assertTrue(ForcedSection.consumed(ForcedSource.of(pos), 590, 601).isEmpty(), "message 600 is not committed");
    }
}
