package seqpool.sequencer.rpc.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Bounds open connections, in all and per remote address: a connection over either bound is closed at once, before
 * anything is read from it. Shared by all channels of one server.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionGate(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        int total = open.incrementAndGet();
        int fromAddress = address == null ? 1 : perAddress.merge(address, 1, Integer::sum);
        ctx.channel().closeFuture().addListener(f -> {
            open.decrementAndGet();
            if (address != null) {
                perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
            }
        });
        if (total > max || fromAddress > maxPerAddress) {
            refused.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, () -> "refusing connection from " + address + ": " + total + " open ("
                    + max + " allowed), " + fromAddress + " from this address (" + maxPerAddress + " allowed)");
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    int open() {
        return open.get();
    }

    int refused() {
        return refused.get();
    }
}
