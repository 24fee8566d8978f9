package seqpool.api.p2p;

/** What became of a message handed to {@link P2pNetwork#send}. */
public enum SendResult {
    /** In the peer's send queue. */
    QUEUED,
    /** The peer's bounded queue is full: back-pressure; the caller retries later or drops. */
    QUEUE_FULL,
    /** No authenticated session with that peer right now. */
    NOT_CONNECTED,
    /** The payload exceeds {@link P2pNetwork#maxPayloadBytes()}. */
    TOO_LARGE
}
