package seqpool.p2p.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ScoreBookTest {
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final ScoreBook<String> book = new ScoreBook<>(clock, Duration.ofSeconds(600), Duration.ofSeconds(60));

    @Test
    void penaltiesLowerTheScoreAndBanAtZero() {
        assertEquals(100, book.score("a"));
        assertFalse(book.isKnown("a"));
        ScoreVerdict v = book.penalize("a", Offence.OVERSIZED_FRAME.points());
        assertEquals(50, v.score());
        assertFalse(v.banned());
        assertTrue(book.isKnown("a"));
        v = book.penalize("a", Offence.MALFORMED_FRAME.points());
        assertEquals(0, v.score());
        assertTrue(v.newlyBanned());
        assertEquals(clock.now.plusSeconds(600), v.bannedUntil().orElseThrow());
        ScoreVerdict again = book.penalize("a", 10);
        assertTrue(again.banned());
        assertFalse(again.newlyBanned(), "already banned");
        assertEquals(100, book.score("b"), "others unaffected");
        assertFalse(book.isBanned("b"));
    }

    @Test
    void banEndsAfterItsDurationWithAFreshScore() {
        book.penalize("a", 150);
        assertTrue(book.isBanned("a"));
        clock.advance(Duration.ofSeconds(599));
        assertTrue(book.isBanned("a"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(book.isBanned("a"));
        assertEquals(100, book.score("a"));
    }

    @Test
    void scoreRecoversOnePointPerInterval() {
        book.penalize("a", 30);
        clock.advance(Duration.ofSeconds(60 * 10 + 59));
        assertEquals(80, book.score("a"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(81, book.score("a"));
        clock.advance(Duration.ofHours(5));
        assertEquals(100, book.score("a"));
        assertFalse(book.isKnown("a"), "fully recovered keys are forgotten");
    }

    @Test
    void rejectsNonPositivePenalties() {
        assertThrows(IllegalArgumentException.class, () -> book.penalize("a", 0));
    }
}
