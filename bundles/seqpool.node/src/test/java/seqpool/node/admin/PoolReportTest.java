package seqpool.node.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.pos.PosService;

/** The forced-inclusion part of {@code GET /status}. */
class PoolReportTest {

    /** A PoS service whose committed queue has {@code length} messages, the first {@code included} of them included. */
    static PosService queue(long n, long length, long included) {
        return (PosService) Proxy.newProxyInstance(PosService.class.getClassLoader(), new Class<?>[] {PosService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("forcedMessages")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    long from = (Long) args[0];
                    List<ForcedMessage> out = new ArrayList<>();
                    for (long i = Math.max(0, from); i < length && out.size() < PosService.MAX_FORCED_MESSAGES; i++) {
                        out.add(new ForcedMessage(i, 100 + i, Hash32.ZERO, Bytes.of((byte) 1), 10 + i, i < included));
                    }
                    return new ForcedQueue(n, 7, length, included, out);
                });
    }

    @Test
    void listsTheNewestMessagesWithTheirDeadlines() {
        Map<String, Object> f = PoolReport.forced(queue(10, 12, 11));
        assertEquals(10L, f.get("inclusionBlocks"));
        assertEquals(12L, f.get("length"));
        assertEquals(11L, f.get("included"));
        List<?> recent = (List<?>) f.get("recent");
        assertEquals(PoolReport.RECENT_FORCED, recent.size(), "the newest ones only");
        Map<?, ?> last = (Map<?, ?>) recent.get(recent.size() - 1);
        assertEquals(11L, last.get("index"));
        assertEquals(21L, last.get("dueL2Block"));
        assertEquals(111L, last.get("l1Block"));
        assertEquals(false, last.get("included"));
    }

    @Test
    void offAndFailingServicesAreReportedNotThrown() {
        Map<String, Object> off = PoolReport.forced(queue(0, 0, 0));
        assertEquals(List.of(), off.get("recent"));
        assertEquals(0L, off.get("inclusionBlocks"));
        PosService failing = (PosService) Proxy.newProxyInstance(PosService.class.getClassLoader(),
                new Class<?>[] {PosService.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("cannot read the forced-inclusion log");
                });
        Map<String, Object> broken = PoolReport.forced(failing);
        assertEquals("cannot read the forced-inclusion log", broken.get("error"));
    }
}
