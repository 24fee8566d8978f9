package seqpool.p2p.host;

import java.nio.ByteBuffer;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import seqpool.p2p.peer.Offence;
import seqpool.p2p.wire.FrameCodec;
import seqpool.p2p.wire.FrameDecodeResult;

/**
 * Cuts the decrypted byte stream into {@link seqpool.p2p.wire.Frame}s with {@link FrameCodec}. On an oversized or
 * malformed length it reports a {@link FramingViolation}, stops reading and closes the connection (the stream cannot be
 * resynchronised).
 */
final class FrameDecoderHandler extends ByteToMessageDecoder {
    private final FrameCodec codec;
    private boolean failed;

    FrameDecoderHandler(FrameCodec codec) {
        this.codec = codec;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.isReadable()) {
            ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
            int before = view.position();
            FrameDecodeResult r = codec.decode(view);
            if (r instanceof FrameDecodeResult.NeedMore) {
                return;
            } else if (r instanceof FrameDecodeResult.Decoded d) {
                in.skipBytes(view.position() - before);
                out.add(d.frame());
            } else if (r instanceof FrameDecodeResult.Oversized o) {
                fail(ctx, in, new FramingViolation(Offence.OVERSIZED_FRAME,
                        "frame of " + o.announcedLength() + " bytes exceeds the maximum of " + o.maxFrameBytes()));
            } else if (r instanceof FrameDecodeResult.Malformed m) {
                fail(ctx, in, new FramingViolation(Offence.MALFORMED_FRAME, m.reason()));
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, FramingViolation violation) {
        failed = true;
        in.skipBytes(in.readableBytes());
        ctx.fireUserEventTriggered(violation);
        ctx.close();
    }
}
