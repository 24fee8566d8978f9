package seqpool.p2p.hello;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;

/**
 * The one canonical encoding of a {@link Hello}:
 *
 * <pre>
 * hello   = magic "sqph" (4 bytes) ‖ u8 format (= 1) ‖ u8 channelCount ‖ channel*
 * channel = u8 nameLength ‖ name (ASCII, [a-z0-9-]{1,32}) ‖ u8 versionCount (1..16) ‖ u16 version* (increasing)
 * </pre>
 *
 * Decoding rejects trailing bytes, so each hello has exactly one encoding. Stateless and thread-safe.
 */
public final class HelloCodec {
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = {'s', 'q', 'p', 'h'};

    private HelloCodec() {
    }

    public static Bytes encode(Hello hello) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(FORMAT);
        out.write(hello.offers().size());
        for (ChannelOffer offer : hello.offers()) {
            byte[] name = offer.channel().name().getBytes(StandardCharsets.US_ASCII);
            out.write(name.length);
            out.writeBytes(name);
            out.write(offer.versions().size());
            for (int v : offer.versions()) {
                out.write(v >>> 8);
                out.write(v);
            }
        }
        return Bytes.wrap(out.toByteArray());
    }

    public static Hello decode(Bytes encoded) throws HelloFormatException {
        ByteBuffer in = ByteBuffer.wrap(encoded.toArray());
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new HelloFormatException("not a seqpool hello (bad magic)");
            }
            int format = Byte.toUnsignedInt(in.get());
            if (format != FORMAT) {
                throw new HelloFormatException("unsupported hello format " + format + " (this node speaks " + FORMAT + ")");
            }
            int count = Byte.toUnsignedInt(in.get());
            List<ChannelOffer> offers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Byte.toUnsignedInt(in.get())];
                in.get(name);
                int versionCount = Byte.toUnsignedInt(in.get());
                List<Integer> versions = new ArrayList<>(versionCount);
                for (int j = 0; j < versionCount; j++) {
                    versions.add(Short.toUnsignedInt(in.getShort()));
                }
                offers.add(new ChannelOffer(new Channel(new String(name, StandardCharsets.US_ASCII)), versions));
            }
            if (in.hasRemaining()) {
                throw new HelloFormatException(in.remaining() + " trailing bytes after the hello");
            }
            return new Hello(offers);
        } catch (BufferUnderflowException e) {
            throw new HelloFormatException("hello truncated");
        } catch (IllegalArgumentException e) {
            throw new HelloFormatException("invalid hello: " + e.getMessage());
        }
    }
}
