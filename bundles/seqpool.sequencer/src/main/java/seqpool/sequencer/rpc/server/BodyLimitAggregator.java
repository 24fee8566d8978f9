package seqpool.sequencer.rpc.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Collects an HTTP request up to the body limit. A larger one (by its Content-Length, or once its chunks pass the
 * limit) gets {@code 413} with {@code Connection: close} at once; the rest of its body is read and discarded (never
 * buffered), so that the client, still sending, is not reset before it can read the answer; the read deadline
 * ({@link ReadDeadlineHandler}) ends a client that keeps sending.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    BodyLimitAggregator(int maxBody) {
        super(maxBody);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        LOG.log(System.Logger.Level.DEBUG, () -> "request body over " + maxContentLength() + " bytes from "
                + ctx.channel().remoteAddress());
        byte[] text = ("request body too large (limit " + maxContentLength() + " bytes)\n")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(text));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, text.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
