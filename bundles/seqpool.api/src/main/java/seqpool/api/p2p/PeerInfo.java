package seqpool.api.p2p;

import seqpool.api.common.Address;

/** A peer as the transport sees it: connection state, score (100 = good, 0 or less = banned) and remote endpoint. */
public record PeerInfo(Address address, PeerState state, int score, String endpoint) {
}
