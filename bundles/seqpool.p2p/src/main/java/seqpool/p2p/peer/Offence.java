package seqpool.p2p.peer;

/** Transport-level faults and the score points each costs. A protocol's own faults come via {@code penalize()}. */
public enum Offence {
    /** A frame that cannot be parsed, or a malformed hello: the session is closed. */
    MALFORMED_FRAME(50),
    /** A length prefix above the maximum frame size: the session is closed. */
    OVERSIZED_FRAME(50),
    /** A frame on a channel id the sender did not announce or on a channel without a common version: dropped. */
    UNKNOWN_CHANNEL(10),
    /** A frame before the hello, or a second hello: the session is closed. */
    PROTOCOL_VIOLATION(50),
    /** Inbound bytes over the session's share ({@code inboundBytesPerSecond}): frames dropped, charged once a second. */
    FLOODING(10),
    /** A valid identity the authorizer does not admit. */
    FAILED_AUTHENTICATION(25),
    /** Scored against the remote host (no identity known): TLS or certificate failure, garbage instead of TLS. */
    HANDSHAKE_FAILURE(25);

    private final int points;

    Offence(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}
