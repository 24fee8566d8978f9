package seqpool.p2p.host;

import seqpool.api.p2p.PeerState;
import seqpool.p2p.peer.PeerEndpoint;

/**
 * Reconnect state of one configured peer this node dials (it has the lower address). At most one attempt is in
 * flight or scheduled at a time ({@code pending}); the attempt counter drives the backoff and is reset when a session
 * opens. Guarded by its own monitor.
 */
final class Dialer {
    final PeerEndpoint endpoint;
    private boolean pending;
    private int failures;
    private PeerState state = PeerState.CONNECTING;

    Dialer(PeerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Claims the right to schedule the next attempt; false if one is already pending. */
    synchronized boolean claim(PeerState next) {
        if (pending) {
            return false;
        }
        pending = true;
        state = next;
        return true;
    }

    synchronized void connecting() {
        state = PeerState.CONNECTING;
    }

    /** The attempt ended (its connection closed); returns the failure count to compute the next delay from. */
    synchronized int released() {
        pending = false;
        state = PeerState.BACKING_OFF;
        return failures++;
    }

    synchronized void connected() {
        failures = 0;
        state = PeerState.CONNECTED;
    }

    /** The state to report while no session is open (a just-closed session counts as backing off). */
    synchronized PeerState stateWithoutSession() {
        return state == PeerState.CONNECTED ? PeerState.BACKING_OFF : state;
    }
}
