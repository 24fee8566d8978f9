package seqpool.p2p.wire;

import java.nio.ByteBuffer;

import seqpool.api.common.Bytes;

/**
 * Encodes and decodes length-prefixed frames: {@code u32 length ‖ u16 channelId ‖ payload} (big-endian), with
 * {@code length = 2 + payload length}, {@code 2 ≤ length ≤ maxFrameBytes}. Immutable and thread-safe.
 */
public final class FrameCodec {
    /** Bytes of the length prefix. */
    public static final int LENGTH_BYTES = 4;
    /** Bytes of the channel id. */
    public static final int CHANNEL_ID_BYTES = 2;
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = LENGTH_BYTES + CHANNEL_ID_BYTES;
    /** The smallest maximum frame size that can be configured. */
    public static final int MIN_MAX_FRAME_BYTES = 1024;

    private final int maxFrameBytes;

    public FrameCodec(int maxFrameBytes) {
        if (maxFrameBytes < MIN_MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes must be at least " + MIN_MAX_FRAME_BYTES + ", got " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The largest payload a frame can carry. */
    public int maxPayloadBytes() {
        return maxFrameBytes - CHANNEL_ID_BYTES;
    }

    /** The 6 header bytes of a frame with the given channel id and payload length. */
    public byte[] header(int channelId, int payloadLength) {
        if (channelId < 0 || channelId > Frame.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (payloadLength < 0 || payloadLength > maxPayloadBytes()) {
            throw new IllegalArgumentException("payload of " + payloadLength + " bytes exceeds the maximum of " + maxPayloadBytes());
        }
        int length = CHANNEL_ID_BYTES + payloadLength;
        return new byte[] {
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
            (byte) (channelId >>> 8), (byte) channelId
        };
    }

    /** The whole encoded frame. */
    public byte[] encode(Frame frame) {
        byte[] payload = frame.payload().toArray();
        byte[] out = new byte[HEADER_BYTES + payload.length];
        System.arraycopy(header(frame.channelId(), payload.length), 0, out, 0, HEADER_BYTES);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    /**
     * Decodes the frame at the head of {@code in}. On {@link FrameDecodeResult.Decoded} the frame's bytes are consumed
     * (the position advances); otherwise the position is unchanged. Oversized and malformed frames are reported as soon
     * as the length prefix is readable, before their body arrives.
     */
    public FrameDecodeResult decode(ByteBuffer in) {
        if (in.remaining() < LENGTH_BYTES) {
            return new FrameDecodeResult.NeedMore();
        }
        int start = in.position();
        long length = Integer.toUnsignedLong(in.getInt(start));
        if (length > maxFrameBytes) {
            return new FrameDecodeResult.Oversized(length, maxFrameBytes);
        }
        if (length < CHANNEL_ID_BYTES) {
            return new FrameDecodeResult.Malformed("frame of " + length + " bytes has no room for its channel id");
        }
        if (in.remaining() < LENGTH_BYTES + length) {
            return new FrameDecodeResult.NeedMore();
        }
        int channelId = Short.toUnsignedInt(in.getShort(start + LENGTH_BYTES));
        byte[] payload = new byte[(int) length - CHANNEL_ID_BYTES];
        in.position(start + HEADER_BYTES);
        in.get(payload);
        return new FrameDecodeResult.Decoded(new Frame(channelId, Bytes.wrap(payload)));
    }
}
