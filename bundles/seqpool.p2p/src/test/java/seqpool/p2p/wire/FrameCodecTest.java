package seqpool.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(4096);

    @Test
    void encodesLengthChannelAndPayloadBigEndian() {
        byte[] out = codec.encode(new Frame(0x0102, Bytes.of((byte) 0xaa, (byte) 0xbb, (byte) 0xcc)));
        assertArrayEquals(new byte[] {0, 0, 0, 5, 1, 2, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc}, out);
    }

    @Test
    void roundTripsFramesSplitAtEveryByte() {
        Random rnd = new Random(7);
        byte[] a = new byte[300];
        byte[] b = new byte[0];
        rnd.nextBytes(a);
        byte[] stream = concat(codec.encode(new Frame(3, Bytes.wrap(a))), codec.encode(new Frame(65535, Bytes.wrap(b))));
        for (int split = 0; split <= stream.length; split++) {
            ByteBuffer in = ByteBuffer.allocate(stream.length);
            in.put(stream, 0, split).flip();
            int decoded = 0;
            FrameDecodeResult r;
            while ((r = codec.decode(in)) instanceof FrameDecodeResult.Decoded d) {
                decoded++;
                assertEquals(decoded == 1 ? 3 : 65535, d.frame().channelId());
            }
            assertInstanceOf(FrameDecodeResult.NeedMore.class, r);
            in.compact().put(stream, split, stream.length - split).flip();
            while (codec.decode(in) instanceof FrameDecodeResult.Decoded d) {
                decoded++;
                if (decoded == 1) {
                    assertEquals(Bytes.wrap(a), d.frame().payload());
                } else {
                    assertEquals(0, d.frame().payload().size());
                }
            }
            assertEquals(2, decoded, "split at " + split);
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void reportsOversizedFrameFromItsLengthPrefixAlone() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0, 0, 0x10, 0x01});
        FrameDecodeResult r = codec.decode(in);
        assertEquals(new FrameDecodeResult.Oversized(4097, 4096), r);
        assertEquals(0, in.position(), "nothing consumed");
        assertEquals(new FrameDecodeResult.Oversized(0xffffffffL, 4096),
                codec.decode(ByteBuffer.wrap(new byte[] {-1, -1, -1, -1})));
    }

    @Test
    void acceptsExactlyTheMaximum() {
        byte[] payload = new byte[codec.maxPayloadBytes()];
        ByteBuffer in = ByteBuffer.wrap(codec.encode(new Frame(1, Bytes.wrap(payload))));
        assertInstanceOf(FrameDecodeResult.Decoded.class, codec.decode(in));
        assertThrows(IllegalArgumentException.class, () -> codec.header(1, codec.maxPayloadBytes() + 1));
    }

    @Test
    void framesWithoutRoomForAChannelIdAreMalformed() {
        assertInstanceOf(FrameDecodeResult.Malformed.class, codec.decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 9})));
        assertInstanceOf(FrameDecodeResult.Malformed.class, codec.decode(ByteBuffer.wrap(new byte[] {0, 0, 0, 0})));
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FrameCodec(100));
        assertThrows(IllegalArgumentException.class, () -> codec.header(65536, 1));
        assertThrows(IllegalArgumentException.class, () -> new Frame(-1, Bytes.EMPTY));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
