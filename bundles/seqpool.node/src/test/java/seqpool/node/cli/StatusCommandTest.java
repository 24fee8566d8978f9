package seqpool.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The forced-inclusion line of {@code seqpool status}, from the {@code pos.forced} part of {@code GET /status}. */
class StatusCommandTest {

    @Test
    void forcedLineNamesTheOldestMessageNotIncluded() {
        Map<String, Object> f = Map.of("inclusionBlocks", 10, "length", 3, "included", 1, "recent", List.of(
                Map.of("index", 0, "dueL2Block", 14, "included", true),
                Map.of("index", 1, "dueL2Block", 17, "included", false),
                Map.of("index", 2, "dueL2Block", 18, "included", false)));
        assertEquals("N = 10 L2 blocks, 3 message(s) committed, 1 included; message 1 due by L2 block 17",
                StatusCommand.forcedLine(f));
        assertEquals("N = 10 L2 blocks, 0 message(s) committed, 0 included",
                StatusCommand.forcedLine(Map.of("inclusionBlocks", 10, "length", 0, "included", 0, "recent", List.of())));
    }

    @Test
    void offAndErrors() {
        assertEquals("off", StatusCommand.forcedLine(Map.of("inclusionBlocks", 0L, "length", 0L)));
        assertEquals("- (store closed)", StatusCommand.forcedLine(Map.of("error", "store closed")));
    }
}
