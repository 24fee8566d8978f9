package seqpool.p2p.host;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.p2p.hello.Hello;
import seqpool.p2p.hello.HelloCodec;
import seqpool.p2p.hello.HelloFormatException;
import seqpool.p2p.hello.NegotiatedChannels;
import seqpool.p2p.peer.Offence;
import seqpool.p2p.tls.PeerAuthenticationException;
import seqpool.p2p.tls.PeerCertificateVerifier;
import seqpool.p2p.wire.Frame;
import seqpool.p2p.wire.FrameCodec;

/**
 * The per-connection protocol: after the TLS handshake, send our hello and wait (bounded) for the peer's; then
 * deliver frames on agreed channels. A frame before the hello, a second hello or a malformed hello closes the
 * connection; a frame on an unknown channel is dropped and scored. Runs on the connection's event loop only.
 */
final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger("seqpool.p2p");

    private final SessionEvents events;
    private final Hello localHello;
    private final FrameCodec codec;
    private final PeerCertificateVerifier verifier;
    private final boolean outbound;
    private final Optional<Address> dialed;
    private final long helloTimeoutMs;
    private final int maxQueuedMessages;
    private final long maxQueuedBytes;
    private final seqpool.p2p.peer.InboundMeter inbound;

    private Address peer;
    private PeerSession session;
    private ScheduledFuture<?> helloTimeout;
    private boolean closing;

    SessionHandler(SessionEvents events, Hello localHello, FrameCodec codec, PeerCertificateVerifier verifier,
                   Optional<Address> dialed, long helloTimeoutMs, int maxQueuedMessages, long maxQueuedBytes,
                   long inboundBytesPerSecond, long inboundBurstBytes) {
        this.inbound = new seqpool.p2p.peer.InboundMeter(inboundBytesPerSecond, inboundBurstBytes, System.nanoTime());
        this.events = events;
        this.localHello = localHello;
        this.codec = codec;
        this.verifier = verifier;
        this.outbound = dialed.isPresent();
        this.dialed = dialed;
        this.helloTimeoutMs = helloTimeoutMs;
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                onAuthenticated(ctx);
            } else if (!closing) {
                closing = true;
                events.handshakeFailed(remoteHost(ctx), outbound, dialed, done.cause());
                ctx.close();
            }
        } else if (evt instanceof FramingViolation v) {
            reportAndClose(ctx, v.offence(), v.detail());
        }
        super.userEventTriggered(ctx, evt);
    }

    private void onAuthenticated(ChannelHandlerContext ctx) {
        if (authenticatedPeer(ctx) == null) {
            return;
        }
        byte[] hello = HelloCodec.encode(localHello).toArray();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(codec.header(Frame.HELLO_CHANNEL_ID, hello.length), hello));
        helloTimeout = ctx.executor().schedule(() -> {
            if (session == null && ctx.channel().isActive()) {
                LOG.log(System.Logger.Level.INFO, "no hello from " + peer + " within " + helloTimeoutMs + " ms; closing");
                ctx.close();
            }
        }, helloTimeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The peer's address from its (already trusted) certificate; computed once. */
    private Address authenticatedPeer(ChannelHandlerContext ctx) {
        if (peer == null) {
            try {
                Certificate[] certs = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
                peer = verifier.verify(Arrays.copyOf(certs, certs.length, X509Certificate[].class));
            } catch (SSLPeerUnverifiedException | PeerAuthenticationException | ArrayStoreException e) {
                LOG.log(System.Logger.Level.WARNING, "peer at " + remoteHost(ctx) + " has no usable certificate after TLS: " + e);
                ctx.close();
                return null;
            }
        }
        return peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Frame frame) || closing) {
            return;
        }
        if (authenticatedPeer(ctx) == null) {
            return;
        }
        if (session == null) {
            if (frame.channelId() != Frame.HELLO_CHANNEL_ID) {
                reportAndClose(ctx, Offence.PROTOCOL_VIOLATION, "frame on channel id " + frame.channelId() + " before the hello");
                return;
            }
            openSession(ctx, frame.payload());
            return;
        }
        if (frame.channelId() == Frame.HELLO_CHANNEL_ID) {
            reportAndClose(ctx, Offence.PROTOCOL_VIOLATION, "second hello");
            return;
        }
        seqpool.p2p.peer.InboundMeter.Verdict share = inbound.admit(frame.payload().size() + 5L, System.nanoTime());
        if (share != seqpool.p2p.peer.InboundMeter.Verdict.PASS) {
            if (share == seqpool.p2p.peer.InboundMeter.Verdict.DROP_AND_PENALIZE) {
                events.offence(peer, Offence.FLOODING, "inbound over its share: " + inbound.droppedFrames()
                        + " frame(s), " + inbound.droppedBytes() + " bytes dropped so far");
            }
            return;
        }
        Optional<Channel> channel = session.negotiated().inboundChannelOf(frame.channelId());
        if (channel.isEmpty()) {
            events.offence(peer, Offence.UNKNOWN_CHANNEL, "frame on unknown or unagreed channel id " + frame.channelId());
            return;
        }
        events.deliver(session, channel.get(), frame.payload());
    }

    private void openSession(ChannelHandlerContext ctx, Bytes helloBytes) {
        Hello remote;
        try {
            remote = HelloCodec.decode(helloBytes);
        } catch (HelloFormatException e) {
            reportAndClose(ctx, Offence.MALFORMED_FRAME, "bad hello: " + e.getMessage());
            return;
        }
        if (helloTimeout != null) {
            helloTimeout.cancel(false);
        }
        PeerSession s = new PeerSession(ctx.channel(), peer, outbound, NegotiatedChannels.negotiate(localHello, remote),
                codec, maxQueuedMessages, maxQueuedBytes);
        if (events.sessionOpened(s)) {
            session = s;
        } else {
            closing = true;
            ctx.close();
        }
    }

    private void reportAndClose(ChannelHandlerContext ctx, Offence offence, String detail) {
        if (closing) {
            return;
        }
        closing = true;
        if (peer != null) {
            events.offence(peer, offence, detail);
        } else {
            events.hostOffence(remoteHost(ctx), offence, detail);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (helloTimeout != null) {
            helloTimeout.cancel(false);
        }
        if (session != null) {
            events.sessionClosed(session);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS failures also arrive as a failed SslHandshakeCompletionEvent, which does the scoring.
        LOG.log(System.Logger.Level.DEBUG, "connection " + remoteHost(ctx) + (peer == null ? "" : " (" + peer + ")")
                + " failed: " + cause);
        ctx.close();
    }

    static String remoteHost(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }
}
