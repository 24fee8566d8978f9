package seqpool.api.p2p;

/** Connection state of a peer. */
public enum PeerState {
    /** Dialing, or waiting for the TLS handshake and hello to complete. */
    CONNECTING,
    /** An authenticated session is open. */
    CONNECTED,
    /** The last attempt failed; the next dial waits for its backoff delay. */
    BACKING_OFF,
    /** The score fell to 0 or less: no session until the ban ends. */
    BANNED,
    /** No session, and this node does not dial the peer (the peer dials, or it is not configured). */
    DISCONNECTED
}
