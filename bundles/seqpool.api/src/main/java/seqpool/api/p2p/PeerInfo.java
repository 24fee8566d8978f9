package seqpool.api.p2p;

import seqpool.api.common.Address;

/**
 * A peer as the transport sees it: connection state, score (starts at 100; 0 or less = banned) and remote endpoint
 * ({@code host:port} of the session, else the configured one, else empty).
 */
public record PeerInfo(Address address, PeerState state, int score, String endpoint) {
    public PeerInfo {
        if (address == null || state == null || endpoint == null) {
            throw new IllegalArgumentException("address, state and endpoint are required");
        }
    }
}
