package seqpool.p2p.peer;

import java.time.Instant;
import java.util.Optional;

/** The score after a penalty; {@code newlyBanned} is true only for the penalty that caused the ban. */
public record ScoreVerdict(int score, boolean newlyBanned, Optional<Instant> bannedUntil) {
    public boolean banned() {
        return bannedUntil.isPresent();
    }
}
