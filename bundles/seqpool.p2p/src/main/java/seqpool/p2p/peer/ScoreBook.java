package seqpool.p2p.peer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scores of peers (or hosts), keyed by {@code K}. Every key starts at {@link #INITIAL_SCORE}; penalties lower it; it
 * recovers one point per {@code recoveryInterval} up to the initial score. When it reaches 0 or less the key is banned
 * for {@code banDuration}; when the ban ends the score starts again at the initial score. Keys at the initial score
 * and not banned are not stored. Thread-safe (synchronized); time comes from the given clock.
 */
public final class ScoreBook<K> {
    public static final int INITIAL_SCORE = 100;

    private final Clock clock;
    private final Duration banDuration;
    private final Duration recoveryInterval;
    private final Map<K, Entry> entries = new HashMap<>();

    private static final class Entry {
        int score = INITIAL_SCORE;
        Instant updated;
        Instant bannedUntil;
    }

    public ScoreBook(Clock clock, Duration banDuration, Duration recoveryInterval) {
        if (banDuration.isNegative() || recoveryInterval.isNegative() || recoveryInterval.isZero()) {
            throw new IllegalArgumentException("ban duration must be ≥ 0 and recovery interval > 0");
        }
        this.clock = clock;
        this.banDuration = banDuration;
        this.recoveryInterval = recoveryInterval;
    }

    /** Lowers the key's score by {@code points} (> 0); bans it when the score reaches 0. A banned key stays banned. */
    public synchronized ScoreVerdict penalize(K key, int points) {
        if (points <= 0) {
            throw new IllegalArgumentException("penalty points must be positive, got " + points);
        }
        Instant now = clock.instant();
        Entry e = refreshed(key, now, true);
        if (e.bannedUntil != null) {
            return new ScoreVerdict(e.score, false, Optional.of(e.bannedUntil));
        }
        e.score = Math.max(e.score - points, Integer.MIN_VALUE / 2);
        e.updated = now;
        if (e.score <= 0) {
            e.bannedUntil = now.plus(banDuration);
            return new ScoreVerdict(e.score, true, Optional.of(e.bannedUntil));
        }
        return new ScoreVerdict(e.score, false, Optional.empty());
    }

    public synchronized int score(K key) {
        Entry e = refreshed(key, clock.instant(), false);
        return e == null ? INITIAL_SCORE : e.score;
    }

    public synchronized Optional<Instant> bannedUntil(K key) {
        Entry e = refreshed(key, clock.instant(), false);
        return e == null ? Optional.empty() : Optional.ofNullable(e.bannedUntil);
    }

    public boolean isBanned(K key) {
        return bannedUntil(key).isPresent();
    }

    /** Whether the key has ever lost points that it has not yet recovered. */
    public synchronized boolean isKnown(K key) {
        return refreshed(key, clock.instant(), false) != null;
    }

    private Entry refreshed(K key, Instant now, boolean create) {
        Entry e = entries.get(key);
        if (e == null) {
            if (!create) {
                return null;
            }
            e = new Entry();
            e.updated = now;
            entries.put(key, e);
            return e;
        }
        if (e.bannedUntil != null) {
            if (now.isBefore(e.bannedUntil)) {
                return e;
            }
            e.bannedUntil = null;
            e.score = INITIAL_SCORE;
            e.updated = now;
        }
        long recovered = Duration.between(e.updated, now).toMillis() / recoveryInterval.toMillis();
        if (recovered > 0) {
            e.score = (int) Math.min(INITIAL_SCORE, e.score + recovered);
            e.updated = e.updated.plus(recoveryInterval.multipliedBy(recovered));
        }
        if (e.score >= INITIAL_SCORE && !create) {
            entries.remove(key);
            return null;
        }
        return e;
    }
}
