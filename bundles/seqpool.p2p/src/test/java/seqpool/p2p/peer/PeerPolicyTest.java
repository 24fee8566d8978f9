package seqpool.p2p.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.api.common.Address;

class PeerPolicyTest {
    private static final Address LOW = Address.fromHex("0x1000000000000000000000000000000000000001");
    private static final Address HIGH = Address.fromHex("0xf000000000000000000000000000000000000001");

    @Test
    void backoffDoublesUpToTheMaximum() {
        BackoffPolicy p = new BackoffPolicy(100, 5000);
        assertEquals(100, p.baseMillis(0));
        assertEquals(200, p.baseMillis(1));
        assertEquals(3200, p.baseMillis(5));
        assertEquals(5000, p.baseMillis(6));
        assertEquals(5000, p.baseMillis(1000));
        assertEquals(Long.MAX_VALUE, new BackoffPolicy(1, Long.MAX_VALUE).baseMillis(200));
    }

    @Test
    void backoffJitterStaysWithinHalfToFullBase() {
        BackoffPolicy p = new BackoffPolicy(100, 5000);
        RandomGenerator rnd = new SplittableRandom(1);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            Duration d = p.delay(3, rnd);
            min = Math.min(min, d.toMillis());
            max = Math.max(max, d.toMillis());
        }
        assertTrue(min >= 400 && max <= 800, min + ".." + max);
        assertTrue(max - min > 300, "jitter spreads the delays: " + min + ".." + max);
        assertThrows(IllegalArgumentException.class, () -> new BackoffPolicy(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new BackoffPolicy(10, 5));
    }

    @Test
    void onlyTheLowerAddressDials() {
        assertTrue(DialRule.shouldDial(LOW, HIGH));
        assertFalse(DialRule.shouldDial(HIGH, LOW));
    }

    @Test
    void bothSidesKeepTheSessionDialedByTheLowerAddress() {
        // LOW's view: its outbound session is preferred over an inbound one.
        assertTrue(DialRule.newSessionWins(LOW, HIGH, false, true));
        assertFalse(DialRule.newSessionWins(LOW, HIGH, true, false));
        // HIGH's view of the same two sessions: the one LOW dialed is inbound for HIGH.
        assertTrue(DialRule.newSessionWins(HIGH, LOW, true, false));
        assertFalse(DialRule.newSessionWins(HIGH, LOW, false, true));
        // Same direction (a restarted peer): the newer wins.
        assertTrue(DialRule.newSessionWins(LOW, HIGH, true, true));
        assertTrue(DialRule.newSessionWins(HIGH, LOW, false, false));
    }

    @Test
    void parsesPeerEndpoints() {
        PeerEndpoint p = PeerEndpoint.parse(" 0x1000000000000000000000000000000000000001@10.0.0.7:7400 ");
        assertEquals(new PeerEndpoint(LOW, "10.0.0.7", 7400), p);
        assertEquals("::1", PeerEndpoint.parse("0x1000000000000000000000000000000000000001@[::1]:9").host());
        assertEquals(p, PeerEndpoint.parse(p.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.7:7400", "0x10@h:1", "0x1000000000000000000000000000000000000001@:1",
        "0x1000000000000000000000000000000000000001@h", "0x1000000000000000000000000000000000000001@h:0",
        "0x1000000000000000000000000000000000000001@h:x"})
    void rejectsBadEndpointsNamingThem(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeerEndpoint.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
    }
}
