package seqpool.sequencer.rpc.server;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * JSON-RPC over WebSocket: each text message is one request or batch; answers go back in the order they finish (up
 * to {@code maxWsInFlight} at once), notifications of the connection's subscriptions in between. Binary messages
 * close the connection (1003), messages over the limit too (1009); a client silent for a ping interval gets a ping
 * and is closed if it stays silent for another.
 */
final class WsRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements RequestPump.Transport {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    private final ServerContext server;
    private final ReadDeadlineHandler deadline;
    private final WebSocketServerHandshaker handshaker;
    private ChannelHandlerContext ctx;
    private WsSession session;
    private RequestPump pump;
    private boolean pingOutstanding;
    private boolean closing;

    WsRpcHandler(ServerContext server, ReadDeadlineHandler deadline, WebSocketServerHandshaker handshaker) {
        this.server = server;
        this.deadline = deadline;
        this.handshaker = handshaker;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.session = new WsSession(ctx.channel(), server);
        this.pump = new RequestPump(ctx.channel(), server, session, this, server.settings().maxWsInFlight(),
                server.settings().maxQueuedMessages());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (closing) {
            return;
        }
        pingOutstanding = false;
        if (frame instanceof TextWebSocketFrame text) {
            deadline.requestComplete();
            if (!pump.offer(new RequestPump.Inbound(ByteBufUtil.getBytes(text.content()), null))) {
                closeWith(WebSocketCloseStatus.POLICY_VIOLATION, "too many queued requests");
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            controlFrameDone();
        } else if (frame instanceof PongWebSocketFrame) {
            controlFrameDone();
        } else if (frame instanceof CloseWebSocketFrame close) {
            handshaker.close(ctx.channel(), close.retain());
        } else {
            closeWith(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary messages are not supported");
        }
    }

    @Override
    public ChannelFuture reply(RequestPump.Inbound message, String answer) {
        if (answer == null) {
            return ctx.channel().newSucceededFuture();
        }
        ChannelFuture f = session.respond(answer);
        session.activate(); // after the answer with any new subscription id is queued: notifications follow it
        return f;
    }

    @Override
    public void idle() {
        deadline.connectionIdle();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.READER_IDLE) {
            if (pingOutstanding) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing WebSocket " + ctx.channel().remoteAddress()
                        + ": no answer to ping");
                ctx.close();
            } else {
                pingOutstanding = true;
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        session.drain();
        pump.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, () -> "WebSocket " + ctx.channel().remoteAddress() + ": " + cause);
        if (cause instanceof TooLongFrameException) {
            closeWith(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message larger than "
                    + server.settings().maxWsMessageBytes() + " bytes");
        } else {
            ctx.close();
        }
    }

    WsSession session() {
        return session;
    }

    private void controlFrameDone() {
        deadline.requestComplete();
        if (pump.isIdle()) {
            deadline.connectionIdle();
        }
    }

    /** A close frame with the reason, then the connection closes (at the latest after a second). */
    private void closeWith(WebSocketCloseStatus status, String reason) {
        closing = true;
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(status.code(), reason))
                .addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule(() -> ctx.close(), 1, TimeUnit.SECONDS);
    }
}
