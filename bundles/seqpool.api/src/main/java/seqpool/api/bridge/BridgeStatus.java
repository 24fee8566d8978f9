package seqpool.api.bridge;

/**
 * The listener's position: the L1 head it last saw, the newest block whose events are recorded, the confirmations it
 * waits for, and the last L1 RPC error (empty while L1 answers). {@code lastErrorAtMillis} is 0 without error.
 */
public record BridgeStatus(long l1Head, long confirmedL1Block, int confirmations, String lastError,
        long lastErrorAtMillis) {
    public BridgeStatus {
        if (lastError == null) {
            throw new IllegalArgumentException("lastError is required (empty when none)");
        }
    }

    public boolean healthy() {
        return lastError.isEmpty();
    }
}
