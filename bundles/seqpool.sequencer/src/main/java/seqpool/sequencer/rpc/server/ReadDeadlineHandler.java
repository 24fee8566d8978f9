package seqpool.sequencer.rpc.server;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;

/**
 * Slow or silent clients cannot hold a connection: from the first byte of a request (HTTP headers and body, or a
 * WebSocket message) the whole request must arrive within {@code requestReadTimeoutMs}, however the bytes trickle in;
 * an HTTP connection that sends nothing for {@code idleTimeoutMs} between requests (or before its first) is closed.
 * A WebSocket between messages is kept alive by pings instead ({@link WsRpcHandler}). First in the pipeline, it sees
 * raw bytes; the handlers above tell it when a request is complete and when the connection has nothing in progress.
 * Event-loop confined.
 */
final class ReadDeadlineHandler extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    private enum State { IDLE, RECEIVING, BUSY }

    private final long idleTimeoutMs;
    private final long requestReadTimeoutMs;
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private boolean webSocket;
    private ScheduledFuture<?> timer;

    ReadDeadlineHandler(long idleTimeoutMs, long requestReadTimeoutMs) {
        this.idleTimeoutMs = idleTimeoutMs;
        this.requestReadTimeoutMs = requestReadTimeoutMs;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(idleTimeoutMs, "no request");
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.IDLE) {
            state = State.RECEIVING;
            arm(requestReadTimeoutMs, "request incomplete");
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    /** A whole request arrived: no deadline while it is processed. */
    void requestComplete() {
        state = State.BUSY;
        cancel();
    }

    /** Nothing in progress any more: wait for the next request (HTTP: at most the idle timeout). */
    void connectionIdle() {
        if (state == State.RECEIVING) {
            return; // the next request has begun: its deadline runs
        }
        state = State.IDLE;
        if (webSocket) {
            cancel();
        } else {
            arm(idleTimeoutMs, "no request");
        }
    }

    /** After a WebSocket upgrade: no idle deadline (pings keep it honest), still one per message. */
    void webSocketMode() {
        webSocket = true;
    }

    private void arm(long ms, String why) {
        cancel();
        timer = ctx.executor().schedule(() -> {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + ctx.channel().remoteAddress() + ": " + why
                    + " within " + ms + " ms");
            ctx.close();
        }, ms, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
