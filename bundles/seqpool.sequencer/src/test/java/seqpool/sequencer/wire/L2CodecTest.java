package seqpool.sequencer.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.wire.L2Message.BlockRequest;
import seqpool.sequencer.wire.L2Message.BlockResponse;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.L2Message.Status;

/** Round trips of every l2/1 message, and strict, bounded decoding of everything else. */
class L2CodecTest {
    static final WireLimits LIMITS = new WireLimits(64 << 10, 4, 100, 8);
    static final L2Codec CODEC = new L2Codec(LIMITS);
    static final List<L2Block> CHAIN = Blocks.chain(Keys.node(1), 1, Hash32.ZERO, 1, 3, 1_000);
    static final L2Block WITH_TXS = Blocks.signed(Keys.node(1), Keys.node(1).address(), 4, CHAIN.get(2).hash(), 1,
            9_000, List.of(Bytes.of((byte) 1, (byte) 2), Bytes.EMPTY), Hash32.fromHex("44".repeat(32)));
    /** Block 4 of a chain that has consumed two forced messages. */
    static final L2Block FORCED = Blocks.signed(Keys.node(1), 4, CHAIN.get(2).hash(), 1, 9_000,
            List.of(Bytes.of((byte) 7)), Hash32.fromHex("55".repeat(32)), 2);

    static Stream<L2Message> messages() {
        List<L2Block> mixed = new ArrayList<>(CHAIN);
        mixed.add(FORCED);
        return Stream.of(new NewBlock(CHAIN.get(0)), new NewBlock(WITH_TXS), new Status(0, Hash32.ZERO),
                new Status(Long.MAX_VALUE, CHAIN.get(2).hash()), new BlockRequest(1, 8), new BlockRequest(5, 5),
                new BlockResponse(List.of()), new BlockResponse(CHAIN), new NewBlock(FORCED),
                new BlockResponse(mixed), new BlockResponse(List.of(FORCED)));
    }

    @Test
    void blocksWithoutAForcedCursorKeepTheirBytesAndForcedOnesTakeTheNewTags() throws MalformedMessageException {
        assertEquals(cat(u8(1), block(WITH_TXS)), CODEC.encode(new NewBlock(WITH_TXS)), "tag 1, as before");
        assertEquals(cat(u8(4), u32(3), block(CHAIN.get(0)), block(CHAIN.get(1)), block(CHAIN.get(2))),
                CODEC.encode(new BlockResponse(CHAIN)), "tag 4, as before");
        Bytes stored = L2Codec.encodeBlock(FORCED);
        Bytes plain = stored.slice(1, stored.size() - 8);
        assertEquals(cat(u8(6), plain, u64(2)), CODEC.encode(new NewBlock(FORCED)), "tag 6: the block, then its cursor");
        assertEquals(0xff, stored.get(0) & 0xff, "stored with a marker no plain block can start with");
        assertEquals(FORCED, CODEC.decodeBlock(stored));
        assertEquals(L2Codec.encodedSize(FORCED) + 1, stored.size());
        Bytes mixed = CODEC.encode(new BlockResponse(List.of(CHAIN.get(2), FORCED)));
        assertEquals(7, mixed.get(0), "a response holding a forced block gives every block its cursor");
        assertEquals(1 + 4 + L2Codec.responseSize(CHAIN.get(2)) + L2Codec.responseSize(FORCED), mixed.size());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTrips(L2Message m) throws MalformedMessageException {
        Bytes encoded = CODEC.encode(m);
        assertEquals(m, CODEC.decode(encoded));
        assertEquals(encoded, CODEC.encode(CODEC.decode(encoded)), "one canonical encoding");
    }

    @Test
    void blockEncodingIsTheStoredForm() throws MalformedMessageException {
        Bytes b = L2Codec.encodeBlock(WITH_TXS);
        assertEquals(WITH_TXS, CODEC.decodeBlock(b));
        assertEquals(L2Codec.encodedSize(WITH_TXS), b.size());
        assertEquals(L2Codec.EMPTY_BLOCK_BYTES, L2Codec.encodeBlock(CHAIN.get(0)).size());
    }

    static Bytes block(L2Block b) {
        return L2Codec.encodeBlock(b);
    }

    static Bytes cat(Bytes... parts) {
        Bytes out = Bytes.EMPTY;
        for (Bytes p : parts) {
            out = out.concat(p);
        }
        return out;
    }

    static Bytes u8(int v) {
        return Bytes.of((byte) v);
    }

    static Bytes u32(long v) {
        return Bytes.wrap(ByteBuffer.allocate(4).putInt((int) v).array());
    }

    static Bytes u64(long v) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(v).array());
    }

    /** The bytes of a block with the field at {@code offset} (of {@code len} bytes) replaced. */
    static Bytes patch(Bytes b, int offset, Bytes with) {
        return cat(b.slice(0, offset), with, b.slice(offset + with.size(), b.size()));
    }

    record Bad(String name, Bytes payload) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> malformed() {
        Bytes good = block(CHAIN.get(0));
        int vOffset = good.size() - 1;
        int txCountOffset = 8 + 32 + 32 + 8 + 20 + 8;
        return Stream.of(
                new Bad("empty payload", Bytes.EMPTY),
                new Bad("unknown tag 0", cat(u8(0), good)),
                new Bad("unknown tag 9", cat(u8(9), good)),
                new Bad("trailing byte after a block", cat(u8(1), good, u8(0))),
                new Bad("trailing byte after a status", cat(u8(2), u64(1), Hash32.ZERO.value(), u8(0))),
                new Bad("block number >= 2^63", cat(u8(1), patch(good, 0, u64(-1)))),
                new Bad("timestamp >= 2^63", cat(u8(1), patch(good, 8 + 32 + 32 + 8 + 20, u64(Long.MIN_VALUE)))),
                new Bad("signature v = 0 (non-canonical)", cat(u8(1), patch(good, vOffset, u8(0)))),
                new Bad("signature v = 29", cat(u8(1), patch(good, vOffset, u8(29)))),
                new Bad("more transactions than the limit", cat(u8(1), patch(good, txCountOffset, u32(5)))),
                new Bad("transaction count larger than the input", cat(u8(1), patch(good, txCountOffset, u32(3)))),
                new Bad("transaction longer than the limit", cat(u8(1), good.slice(0, txCountOffset), u32(1), u32(101),
                        Bytes.wrap(new byte[101]), good.slice(txCountOffset + 4, good.size()))),
                new Bad("status head >= 2^63", cat(u8(2), u64(-5), Hash32.ZERO.value())),
                new Bad("request to < from", cat(u8(3), u64(5), u64(4))),
                new Bad("request for more blocks than the limit", cat(u8(3), u64(1), u64(9))),
                new Bad("request with a negative bound", cat(u8(3), u64(-1), u64(-1))),
                new Bad("response count over the limit", cat(u8(4), u32(9))),
                new Bad("response count claiming 2^32-1 blocks", cat(u8(4), u32(0xffff_ffffL))),
                new Bad("response not contiguous", cat(u8(4), u32(2), block(CHAIN.get(0)), block(CHAIN.get(2)))),
                new Bad("response descending", cat(u8(4), u32(2), block(CHAIN.get(1)), block(CHAIN.get(0)))),
                new Bad("message over the size limit", cat(u8(2), Bytes.wrap(new byte[64 << 10]))),
                new Bad("forced block with cursor 0 (tag 6)", cat(u8(6), good, u64(0))),
                new Bad("forced block with a cursor >= 2^63", cat(u8(6), good, u64(-1))),
                new Bad("forced block without its cursor", cat(u8(6), good)),
                new Bad("forced response where no block has a cursor", cat(u8(7), u32(1), good, u64(0))),
                new Bad("plain response whose block carries a cursor", cat(u8(4), u32(1), good, u64(3))));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejects(Bad bad) {
        assertThrows(MalformedMessageException.class, () -> CODEC.decode(bad.payload()));
    }

    @Test
    void everyTruncationIsRejected() {
        for (L2Message m : messages().toList()) {
            Bytes full = CODEC.encode(m);
            for (int len = 0; len < full.size(); len++) {
                Bytes cut = full.slice(0, len);
                assertThrows(MalformedMessageException.class, () -> CODEC.decode(cut), m + " cut at " + len);
            }
        }
    }

    /** Random corruption never escapes as anything but MalformedMessageException (or decodes to a valid message). */
    @Test
    void corruptedInputOnlyEverFailsAsMalformed() {
        Random random = new Random(42);
        List<Bytes> seeds = new ArrayList<>(messages().map(CODEC::encode).toList());
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = seeds.get(random.nextInt(seeds.size())).toArray();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && b.length > 0; f++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                L2Message decoded = CODEC.decode(Bytes.wrap(b));
                assertEquals(Bytes.wrap(b), CODEC.encode(decoded), "a decoded message re-encodes to its input");
            } catch (MalformedMessageException e) {
                malformed++;
            } catch (RuntimeException e) {
                fail("decoding threw " + e + " on " + Bytes.wrap(b), e);
            }
        }
        assertTrue(malformed > 1_000, "the corruption produced malformed input: " + malformed);
    }
}
