package seqpool.bridge.follow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Listener read from L1 to record {@code range}, in this order: the header of the range's last block
 * ({@code lastBefore}), of its first block ({@code first}), the logs, the headers of the blocks that have logs
 * ({@code logBlocks}, by number, read after the logs), and the last block's header again ({@code lastAfter}).
 */
public record RangeReading(Cursor cursor, BlockRange range, BlockHeader lastBefore, BlockHeader first,
        List<RawLog> logs, Map<Long, BlockHeader> logBlocks, BlockHeader lastAfter) {
    public RangeReading {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(lastBefore, "lastBefore");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(lastAfter, "lastAfter");
        logs = List.copyOf(logs);
        logBlocks = Map.copyOf(logBlocks);
    }
}
