package seqpool.bridge.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.testing.FakeL1Chain;
import seqpool.bridge.testing.Fixtures;
import seqpool.bridge.testing.LogCapture;

/** Retries, backoff, one WARN per failure streak, one INFO on recovery, and the reported error. */
class RetryingL1ChainTest {
    private static final String URL = "https://rpc.example.org/v3/SECRETKEY";
    private final List<Long> sleeps = new ArrayList<>();
    private long now = 1_000;
    private FakeL1Chain chain;
    private RetryingL1Chain retrying;
    private LogCapture log;

    @BeforeEach
    void setUp() {
        chain = new FakeL1Chain(Fixtures.CHAIN_ID);
        chain.mineEmpty(3);
        retrying = new RetryingL1Chain(chain, URL, new Backoff(100, 1_000), 3, sleeps::add, () -> now);
        log = new LogCapture(RetryingL1Chain.class);
    }

    @AfterEach
    void tearDown() {
        log.close();
    }

    @Test
    void shortBlipIsAbsorbedInsideTheCall() throws Exception {
        chain.failNext(2);
        assertEquals(3, retrying.headNumber());
        assertEquals(List.of(100L, 200L), sleeps);
        assertEquals(1, log.at(Level.WARNING).size());
        assertEquals(1, log.at(Level.INFO).size());
        assertEquals("", retrying.lastError());
        assertEquals(0, retrying.retryDelayMillis());
    }

    @Test
    void longOutageLogsOneWarningFailsFastAndRecoversWithOneInfo() throws Exception {
        chain.down(true);
        L1Exception first = assertThrows(L1Exception.class, retrying::headNumber);
        assertTrue(first.getMessage().contains("Connection refused"), first.getMessage());
        assertEquals(List.of(100L, 200L), sleeps, "three attempts at the start of the streak");
        for (int i = 0; i < 10; i++) {
            now += 500;
            assertThrows(L1Exception.class, () -> retrying.header(1));
        }
        assertEquals(2, sleeps.size(), "later calls fail fast; the caller waits retryDelayMillis()");
        assertEquals(1_000, retrying.retryDelayMillis(), "capped");
        String error = retrying.lastError();
        assertTrue(error.contains("https://rpc.example.org/…"), error);
        assertFalse(error.contains("SECRETKEY"), error);
        assertTrue(error.contains("eth_getBlockByNumber 1"), error);
        assertEquals(now, retrying.lastErrorAtMillis());

        List<LogCapture.Line> warnings = log.at(Level.WARNING);
        assertEquals(1, warnings.size(), "one WARN per streak: " + log.all());
        assertTrue(warnings.get(0).message().contains("https://rpc.example.org/…"), warnings.get(0).message());
        assertTrue(warnings.get(0).message().contains("Connection refused"), warnings.get(0).message());
        assertFalse(warnings.get(0).hasThrowable(), "no stack trace at WARN");
        assertTrue(log.all().stream().noneMatch(l -> l.message().contains("SECRETKEY")));

        chain.down(false);
        assertEquals(3, retrying.headNumber());
        List<LogCapture.Line> infos = log.at(Level.INFO);
        assertEquals(1, infos.size());
        assertTrue(infos.get(0).message().contains("recovered after 13 failed attempts"), infos.get(0).message());
        assertEquals("", retrying.lastError());
        assertEquals(0, retrying.lastErrorAtMillis());

        chain.down(true);
        assertThrows(L1Exception.class, retrying::headNumber);
        assertEquals(2, log.at(Level.WARNING).size(), "a new streak warns again");
    }

    @Test
    void interruptStopsTheRetryWait() {
        RetryingL1Chain interrupted = new RetryingL1Chain(chain, URL, new Backoff(100, 1_000), 3, ms -> {
            throw new InterruptedException();
        }, () -> now);
        chain.down(true);
        L1Exception e = assertThrows(L1Exception.class, interrupted::chainId);
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
}
