package seqpool.sequencer.rpc.server;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * JSON-RPC over HTTP: {@code POST /} with a JSON body, answered {@code 200} with the JSON-RPC response (errors
 * included, so that clients read their codes). Anything else is an HTTP error: {@code 404} other paths, {@code 405}
 * other methods, {@code 415} other content types, {@code 400}/{@code 414}/{@code 431} malformed requests (then
 * closed). A
 * {@code GET /} with {@code Upgrade: websocket} turns the connection into a WebSocket ({@link WsRpcHandler}).
 * Requests of one connection are answered one at a time, in order (HTTP/1.1 pipelining).
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> implements RequestPump.Transport {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");
    private static final int MAX_PIPELINED = 16;

    private final ServerContext server;
    private final ReadDeadlineHandler deadline;
    private final HttpSession session;
    private RequestPump pump;
    private ChannelHandlerContext ctx;

    /** Whether and how to answer an HTTP request. */
    private record HttpContext(HttpVersion version, boolean keepAlive) {
    }

    HttpRpcHandler(ServerContext server, ReadDeadlineHandler deadline) {
        this.server = server;
        this.deadline = deadline;
        this.session = new HttpSession(new seqpool.sequencer.rpc.dispatch.TokenBucket(
                server.settings().ratePerSecond(), server.settings().rateBurst(), server.nanoClock()));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.pump = new RequestPump(ctx.channel(), server, session, this, 1, MAX_PIPELINED);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        deadline.requestComplete();
        if (req.decoderResult().isFailure()) {
            Throwable cause = req.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST;
            LOG.log(System.Logger.Level.DEBUG, () -> "malformed HTTP request from " + ctx.channel().remoteAddress()
                    + ": " + cause);
            plain(status, "malformed HTTP request", false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String path = new QueryStringDecoder(req.uri()).path();
        if (!"/".equals(path)) {
            plain(HttpResponseStatus.NOT_FOUND, "not found; JSON-RPC is served at /", keepAlive);
        } else if (isWebSocketUpgrade(req)) {
            upgrade(ctx, req);
        } else if (!HttpMethod.POST.equals(req.method())) {
            plain(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed; send JSON-RPC with POST", keepAlive);
        } else if (!isJson(req.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
            plain(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "invalid content type, only application/json is supported", keepAlive);
        } else {
            byte[] body = ByteBufUtil.getBytes(req.content());
            if (!pump.offer(new RequestPump.Inbound(body, new HttpContext(req.protocolVersion(), keepAlive)))) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing " + ctx.channel().remoteAddress() + ": more than "
                        + MAX_PIPELINED + " pipelined requests");
                ctx.close();
            }
        }
    }

    @Override
    public ChannelFuture reply(RequestPump.Inbound message, String answer) {
        HttpContext c = (HttpContext) message.context();
        byte[] body = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(c.version(), HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        HttpUtil.setKeepAlive(r, c.keepAlive());
        ChannelFuture f = ctx.writeAndFlush(r);
        if (!c.keepAlive()) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        return f;
    }

    @Override
    public void idle() {
        deadline.connectionIdle();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pump.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, () -> "closing " + ctx.channel().remoteAddress() + ": " + cause);
        ctx.close();
    }

    /** A status answer outside JSON-RPC; only when nothing is in progress (else the order would break: close). */
    private void plain(HttpResponseStatus status, String text, boolean keepAlive) {
        if (!pump.isIdle()) {
            ctx.close();
            return;
        }
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (status == HttpResponseStatus.METHOD_NOT_ALLOWED) {
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
        }
        HttpUtil.setKeepAlive(r, keepAlive);
        ChannelFuture f = ctx.writeAndFlush(r);
        if (keepAlive) {
            f.addListener(x -> deadline.connectionIdle());
        } else {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mime.equalsIgnoreCase("application/json");
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest req) {
        return HttpMethod.GET.equals(req.method())
                && req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
        RpcSettings s = server.settings();
        if (!s.wsEnabled()) {
            plain(HttpResponseStatus.BAD_REQUEST, "WebSocket is not enabled on this endpoint", false);
            return;
        }
        if (!pump.isIdle()) {
            ctx.close();
            return;
        }
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(
                s.maxWsMessageBytes()).allowExtensions(false).closeOnProtocolViolation(true).withUTF8Validator(true)
                .build();
        String host = req.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory("ws://" + host + "/", null,
                decoder).newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        WsRpcHandler ws = new WsRpcHandler(server, deadline, handshaker);
        ctx.pipeline().replace(this, "ws", ws);
        ctx.pipeline().addBefore("ws", "ws-aggregator", new WebSocketFrameAggregator(s.maxWsMessageBytes()));
        ctx.pipeline().addBefore("ws-aggregator", "ws-idle",
                new IdleStateHandler(s.wsPingIntervalMs(), 0, 0, TimeUnit.MILLISECONDS));
        deadline.webSocketMode();
        handshaker.handshake(ctx.channel(), req).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                deadline.connectionIdle();
            } else {
                LOG.log(System.Logger.Level.DEBUG, () -> "WebSocket handshake with " + f.channel().remoteAddress()
                        + " failed: " + f.cause());
                f.channel().close();
            }
        });
    }
}
