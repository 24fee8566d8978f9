package seqpool.p2p.host;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;

/**
 * Admission before any TLS work: closes inbound connections from banned hosts, and bounds the number of inbound
 * connections still in their TLS handshake (each costs CPU and memory before the peer has proven anything).
 */
@ChannelHandler.Sharable
final class HostGate extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger("seqpool.p2p");

    private final Predicate<String> refused;
    private final int maxPendingHandshakes;
    private final AtomicInteger pending = new AtomicInteger();

    HostGate(Predicate<String> refused, int maxPendingHandshakes) {
        this.refused = refused;
        this.maxPendingHandshakes = maxPendingHandshakes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String host = SessionHandler.remoteHost(ctx);
        if (refused.test(host)) {
            ctx.close();
            return;
        }
        if (pending.incrementAndGet() > maxPendingHandshakes) {
            pending.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "refusing connection from " + host + ": " + maxPendingHandshakes
                    + " handshakes already pending");
            ctx.close();
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        };
        ctx.pipeline().get(SslHandler.class).handshakeFuture().addListener(f -> release.run());
        ctx.channel().closeFuture().addListener(f -> release.run());
        ctx.pipeline().remove(this);
        super.channelActive(ctx);
    }

    /** Inbound connections whose TLS handshake has not finished. */
    int pendingHandshakes() {
        return pending.get();
    }
}
