package seqpool.p2p.host;

import java.util.function.Predicate;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Closes inbound connections from banned hosts before any TLS work is spent on them. */
@ChannelHandler.Sharable
final class HostGate extends ChannelInboundHandlerAdapter {
    private final Predicate<String> refused;

    HostGate(Predicate<String> refused) {
        this.refused = refused;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (refused.test(SessionHandler.remoteHost(ctx))) {
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        super.channelActive(ctx);
    }
}
