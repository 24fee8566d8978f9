package seqpool.p2p.host;

import seqpool.p2p.peer.Offence;

/** Fired down the pipeline by {@link FrameDecoderHandler} when the byte stream breaks the framing rules. */
record FramingViolation(Offence offence, String detail) {
}
