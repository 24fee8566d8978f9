package seqpool.api.p2p;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/** A message as received: the authenticated sender, its channel and its payload. */
public record InboundMessage(Address from, Channel channel, Bytes payload) {
    public InboundMessage {
        if (from == null || channel == null || payload == null) {
            throw new IllegalArgumentException("from, channel and payload are required");
        }
    }
}
