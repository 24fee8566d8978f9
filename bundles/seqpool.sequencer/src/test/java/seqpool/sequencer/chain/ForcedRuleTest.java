package seqpool.sequencer.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BlockVerdict.Reject;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;

/**
 * The forced-inclusion rules of block 6 (parent: block 5 by n1, timestamp 54 s) as a table: the committed queue
 * (N = 5, a committed L2 head, messages with their due blocks), the parent's forced cursor, the block's cursor and the
 * expected verdict. They run after every other rule of {@link BlockValidator}.
 */
class ForcedRuleTest {
    static final LocalNodeSigner N1 = Keys.node(1);
    static final long N = 5;
    static final BlockValidator RULES = new BlockValidator(new ChainParams(Blocks.CHAIN_ID, 1,
            ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS), BodyRule.EXECUTED);
    static final AssignmentSource POS = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 100, N1.address()))
            ::assignmentFor;

    /** The queue: forced inclusion with N = 5, committed L2 head {@code head}, messages committed at the given heads. */
    static ForcedSource queue(long head, long... committedAtHeads) {
        ScriptedPos pos = new ScriptedPos().enableForced(N);
        for (long h : committedAtHeads) {
            pos.commitL2Head(h, 0);
            pos.enqueueForced(Bytes.of((byte) 1, (byte) h));
        }
        pos.commitL2Head(head, 0);
        return ForcedSource.of(pos);
    }

    record Row(String name, ForcedSource forced, long parentCursor, long cursor, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        ForcedSource off = ForcedSource.DISABLED;
        return Stream.of(
                new Row("off: the cursor stays 0", off, 0, 0, "ACCEPT"),
                new Row("off: the cursor moves", off, 0, 1, "REJECT:FORCED_CURSOR"),
                new Row("no message, the view covers block 6 (head 2: 6 < 2 + 5)", queue(2), 0, 0, "ACCEPT"),
                new Row("the view lags (head 1: messages due at 6 could be missing here)", queue(1), 0, 0,
                        "HOLD:FORCED_VIEW"),
                new Row("the view cannot be read now", from -> Optional.empty(), 0, 0, "HOLD:FORCED_VIEW"),
                new Row("message 0 due at 6 left unconsumed", queue(4, 1), 0, 0, "REJECT:FORCED_MESSAGE_SKIPPED"),
                new Row("message 0 due at 7 may wait", queue(4, 2), 0, 0, "ACCEPT"),
                new Row("message 0 due at 6 consumed", queue(4, 1), 0, 1, "ACCEPT"),
                new Row("message 0 consumed earlier, message 1 due at 6 left", queue(4, 0, 1), 1, 1,
                        "REJECT:FORCED_MESSAGE_SKIPPED"),
                new Row("both consumed, one earlier and one here", queue(4, 0, 1), 1, 2, "ACCEPT"),
                new Row("a message not due yet consumed early", queue(4, 3), 0, 1, "ACCEPT"),
                new Row("the cursor goes back", queue(4, 0, 0), 2, 1, "REJECT:FORCED_CURSOR"),
                new Row("the cursor passes the committed messages (the producer's consensus is ahead)",
                        queue(4, 0), 0, 2, "HOLD:FORCED_VIEW"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdict(Row row) {
        L2Block parent = Blocks.signed(N1, 5, Hash32.ZERO, 1, 54_000, List.of(), Hash32.ZERO, row.parentCursor());
        L2Block block = Blocks.signed(N1, 6, parent.hash(), 1, 55_000, List.of(), Hash32.ZERO, row.cursor());
        BlockVerdict v = RULES.validate(block, HeadRef.of(parent), Optional.empty(), POS, row.forced(), 60_000);
        assertEquals(row.expected(), BlockValidatorTest.name(v), () -> v.toString());
    }

    @Test
    void theOtherRulesComeFirstAndTheHeaderSignsTheCursor() {
        L2Block parent = Blocks.signed(N1, 5, Hash32.ZERO, 1, 54_000, List.of(), Hash32.ZERO, 0);
        ForcedSource lagging = queue(0);
        L2Block stale = Blocks.signed(N1, 6, parent.hash(), 1, 54_000, List.of(), Hash32.ZERO, 0);
        assertEquals("REJECT:BAD_TIMESTAMP", BlockValidatorTest.name(RULES.validate(stale, HeadRef.of(parent),
                Optional.empty(), POS, lagging, 60_000)), "a block that breaks an older rule is not held");
        L2Block good = Blocks.signed(N1, 6, parent.hash(), 1, 55_000, List.of(), Hash32.ZERO, 1);
        L2Block relabelled = new L2Block(6, good.hash(), good.parentHash(), 1, good.producer(), 55_000, List.of(),
                Hash32.ZERO, good.producerSignature(), 2);
        BlockVerdict v = RULES.validate(relabelled, HeadRef.of(parent), Optional.empty(), POS, queue(4, 1, 1), 60_000);
        assertEquals(Fault.BAD_HASH, ((Reject) v).fault(), "the cursor is part of the signed header");
        assertTrue(Fault.FORCED_MESSAGE_SKIPPED.points() > Fault.WRONG_PRODUCER.points(),
                "provable from committed state: not a lagging view");
    }
}
