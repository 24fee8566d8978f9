package seqpool.p2p.wire;

/** What {@link FrameCodec#decode} found at the head of the input. */
public sealed interface FrameDecodeResult {

    /** Not a whole frame yet; nothing was consumed. */
    record NeedMore() implements FrameDecodeResult {
    }

    /** A whole frame, consumed from the input. */
    record Decoded(Frame frame) implements FrameDecodeResult {
    }

    /** The length prefix announces more than the maximum frame size: the stream cannot be trusted any further. */
    record Oversized(long announcedLength, int maxFrameBytes) implements FrameDecodeResult {
    }

    /** The frame cannot be parsed (e.g. shorter than its channel id): the stream cannot be trusted any further. */
    record Malformed(String reason) implements FrameDecodeResult {
    }
}
