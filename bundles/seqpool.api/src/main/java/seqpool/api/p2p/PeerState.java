package seqpool.api.p2p;

/** Connection state of a peer. */
public enum PeerState {
    CONNECTING, CONNECTED, BACKING_OFF, BANNED
}
