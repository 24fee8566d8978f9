package seqpool.p2p.peer;

import seqpool.api.common.Address;

/**
 * Who dials whom, and which session survives when two exist for the same peer. Only the node with the lower address
 * dials a configured peer, so two nodes that know each other open one connection. If two sessions still meet (a
 * restart races an old session's close, or a peer dials although it is the higher one), both sides keep the same one:
 * the one dialed by the lower address; between two in the same direction, the newer.
 */
public final class DialRule {
    private DialRule() {
    }

    public static boolean shouldDial(Address self, Address peer) {
        return self.compareTo(peer) < 0;
    }

    /**
     * Whether a newly authenticated session replaces the existing one.
     *
     * @param existingOutbound whether this node dialed the existing session
     * @param newOutbound      whether this node dialed the new session
     */
    public static boolean newSessionWins(Address self, Address peer, boolean existingOutbound, boolean newOutbound) {
        boolean preferredOutbound = shouldDial(self, peer);
        if (existingOutbound == newOutbound) {
            return true;
        }
        return newOutbound == preferredOutbound;
    }
}
