package seqpool.p2p.host;

import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.p2p.hello.NegotiatedChannels;
import seqpool.p2p.wire.FrameCodec;

/**
 * One authenticated session after the hello: the netty channel, the peer, the agreed channel versions and the bounded
 * send queue. The queue is counted here (messages and bytes not yet written to the socket), so {@link #send} knows
 * exactly when to report back-pressure; netty's write-buffer water marks are set to the same byte bound. Thread-safe.
 */
final class PeerSession {
    private final io.netty.channel.Channel channel;
    private final Address peer;
    private final boolean outbound;
    private final NegotiatedChannels negotiated;
    private final FrameCodec codec;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();

    PeerSession(io.netty.channel.Channel channel, Address peer, boolean outbound, NegotiatedChannels negotiated,
                FrameCodec codec, int maxQueuedMessages, long maxQueuedBytes) {
        this.channel = channel;
        this.peer = peer;
        this.outbound = outbound;
        this.negotiated = negotiated;
        this.codec = codec;
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    Address peer() {
        return peer;
    }

    boolean outbound() {
        return outbound;
    }

    NegotiatedChannels negotiated() {
        return negotiated;
    }

    boolean isActive() {
        return channel.isActive();
    }

    String remoteEndpoint() {
        return channel.remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(channel.remoteAddress());
    }

    OptionalInt versionOf(Channel ch) {
        return negotiated.versionOf(ch);
    }

    /** Queues a frame without blocking; the caller has checked the payload size. */
    SendResult send(Channel ch, Bytes payload) {
        OptionalInt id = negotiated.outboundIdOf(ch);
        if (id.isEmpty() || !channel.isActive()) {
            return SendResult.NOT_CONNECTED;
        }
        long size = (long) FrameCodec.HEADER_BYTES + payload.size();
        if (queuedMessages.incrementAndGet() > maxQueuedMessages) {
            queuedMessages.decrementAndGet();
            return SendResult.QUEUE_FULL;
        }
        if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            queuedMessages.decrementAndGet();
            return SendResult.QUEUE_FULL;
        }
        var buf = Unpooled.wrappedBuffer(codec.header(id.getAsInt(), payload.size()), payload.toArray());
        channel.writeAndFlush(buf).addListener((ChannelFutureListener) f -> {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-size);
        });
        return SendResult.QUEUED;
    }

    int queuedMessages() {
        return queuedMessages.get();
    }

    void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "session[" + peer + (outbound ? " out " : " in ") + remoteEndpoint() + "]";
    }
}
