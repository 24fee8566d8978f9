package seqpool.pos.state;

import seqpool.api.common.Address;

/** Part of an epoch's range given to one producer: revision 0 at the epoch's start, +1 per rotation. */
public record Segment(int revision, long first, long last, Address producer) {
}
