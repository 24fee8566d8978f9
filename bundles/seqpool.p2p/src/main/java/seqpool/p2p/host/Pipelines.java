package seqpool.p2p.host;

import java.util.Optional;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import seqpool.api.common.Address;
import seqpool.p2p.hello.Hello;
import seqpool.p2p.tls.PeerCertificateVerifier;
import seqpool.p2p.wire.FrameCodec;

/**
 * Builds a connection's pipeline: [host gate (inbound)] → TLS → flush consolidation → frame decoder → session.
 * Flush consolidation merges the flushes of many small sends into few TLS records.
 */
final class Pipelines {
    private final SessionEvents events;
    private final Hello hello;
    private final FrameCodec codec;
    private final PeerCertificateVerifier verifier;
    private final P2pConfig config;

    Pipelines(SessionEvents events, Hello hello, FrameCodec codec, PeerCertificateVerifier verifier, P2pConfig config) {
        this.events = events;
        this.hello = hello;
        this.codec = codec;
        this.verifier = verifier;
        this.config = config;
    }

    ChannelInitializer<SocketChannel> inbound(HostGate gate, SslContext tls) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(gate);
                addSession(ch.pipeline(), tls.newHandler(ch.alloc()), Optional.empty());
            }
        };
    }

    ChannelInitializer<SocketChannel> outbound(SslContext tls, String host, int port, Address dialed) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                addSession(ch.pipeline(), tls.newHandler(ch.alloc(), host, port), Optional.of(dialed));
            }
        };
    }

    private void addSession(ChannelPipeline p, SslHandler ssl, Optional<Address> dialed) {
        ssl.setHandshakeTimeoutMillis(config.handshakeTimeoutMs());
        p.addLast("tls", ssl);
        p.addLast("flush", new FlushConsolidationHandler(256, true));
        p.addLast("frames", new FrameDecoderHandler(codec));
        p.addLast("session", new SessionHandler(events, hello, codec, verifier, dialed, config.handshakeTimeoutMs(),
                config.sendQueueMessages(), config.sendQueueBytes(), config.inboundBytesPerSecond(),
                config.inboundBurstBytes()));
    }
}
