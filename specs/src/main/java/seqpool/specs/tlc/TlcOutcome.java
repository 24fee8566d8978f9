package seqpool.specs.tlc;

/** How a TLC run ended, from its exit code and output. */
public enum TlcOutcome {
    /** Every reachable state checked, no violation (exit 0). */
    PASSED,
    /** An invariant is violated (exit 12); {@link TlcResult#violated()} names it. */
    INVARIANT_VIOLATED,
    /** A temporal property is violated (exit 13); {@link TlcResult#violated()} names it if TLC did. */
    PROPERTY_VIOLATED,
    /** Deadlock found (exit 11); the runner disables deadlock checking, so this means a misconfiguration. */
    DEADLOCK,
    /** Parse, semantic, configuration or evaluation error, or the run was killed. */
    ERROR
}
