package seqpool.bridge.testing;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.Cursor;

/** Hand-made events and cursors for record and subscription tests. */
public final class Events {
    private Events() {
    }

    public static Hash32 blockHash(long block) {
        return FakeL1Chain.topic("block " + block);
    }

    public static L1Event event(long block, int logIndex) {
        return new L1Event(block, blockHash(block), FakeL1Chain.topic("tx " + block + " " + logIndex), logIndex,
                Fixtures.POOL, "Locked", List.of(Fixtures.LOCKED, FakeL1Chain.topic("seq " + block)),
                Bytes.utf8("data " + block + "/" + logIndex));
    }

    /** {@code perBlock} events in each block of {@code from..to}. */
    public static List<L1Event> events(long from, long to, int perBlock) {
        List<L1Event> out = new ArrayList<>();
        for (long b = from; b <= to; b++) {
            for (int i = 0; i < perBlock; i++) {
                out.add(event(b, i));
            }
        }
        return out;
    }

    public static Cursor cursor(long block) {
        return new Cursor(block, blockHash(block));
    }
}
