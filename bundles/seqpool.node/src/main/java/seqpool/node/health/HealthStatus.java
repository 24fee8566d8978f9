package seqpool.node.health;

/** A component's state: UP; DEGRADED (running but not doing its job: stalled, no peers, L1 errors); DOWN (not running). */
public enum HealthStatus {
    UP, DEGRADED, DOWN
}
