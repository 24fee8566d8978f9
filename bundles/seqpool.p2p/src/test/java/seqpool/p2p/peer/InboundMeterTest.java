package seqpool.p2p.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InboundMeterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theBurstPassesThenTheRateAndAnOffenderIsChargedOnceASecond() {
        InboundMeter m = new InboundMeter(1_000, 3_000, 0);
        assertEquals(InboundMeter.Verdict.PASS, m.admit(3_000, 0), "the whole burst at once");
        assertEquals(InboundMeter.Verdict.DROP_AND_PENALIZE, m.admit(1, 0), "over its share: charged");
        assertEquals(InboundMeter.Verdict.DROP, m.admit(600, S / 2), "500 bytes refilled; charged at most once a second");
        assertEquals(InboundMeter.Verdict.PASS, m.admit(400, S / 2), "half a second refilled 500 bytes");
        assertEquals(InboundMeter.Verdict.DROP_AND_PENALIZE, m.admit(800, S + S / 10), "a second later: charged again");
        assertEquals(InboundMeter.Verdict.PASS, m.admit(3_000, 100 * S), "refills up to the burst, not beyond");
        assertEquals(InboundMeter.Verdict.DROP_AND_PENALIZE, m.admit(1, 100 * S));
        assertEquals(4, m.droppedFrames());
        assertEquals(1 + 600 + 800 + 1, m.droppedBytes());
    }
}
