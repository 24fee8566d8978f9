package seqpool.p2p.wire;

import seqpool.api.common.Bytes;

/**
 * One decoded frame: the sender's channel id (0 = hello, 1..65535 = a channel of the sender's hello) and its payload.
 */
public record Frame(int channelId, Bytes payload) {
    public static final int HELLO_CHANNEL_ID = 0;
    public static final int MAX_CHANNEL_ID = 0xffff;

    public Frame {
        if (channelId < 0 || channelId > MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload is null");
        }
    }
}
