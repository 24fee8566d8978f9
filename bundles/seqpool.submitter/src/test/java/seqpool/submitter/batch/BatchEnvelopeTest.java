package seqpool.submitter.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.EncodedBatch;
import seqpool.codec.crypto.Keccak;
import seqpool.submitter.testing.TestBlocks;

/** Round trips of the batch format and the rejection of everything that is not exactly it. */
class BatchEnvelopeTest {
    static final List<L2Block> BLOCKS = TestBlocks.chain(41, 12, 5, 3);

    static final java.util.Map<BatchCompression, BatchEnvelope> ENVELOPES = new java.util.EnumMap<>(
            BatchCompression.class);

    /** One per compression: each holds a signature verifier whose tables take a while to build. */
    static synchronized BatchEnvelope envelope(BatchCompression c) {
        return ENVELOPES.computeIfAbsent(c, k -> new BatchEnvelope(TestBlocks.CHAIN_ID, k, 9, 19));
    }

    @ParameterizedTest
    @EnumSource(BatchCompression.class)
    void roundTrip(BatchCompression c) throws Exception {
        EncodedBatch e = envelope(c).encode(BLOCKS);
        byte[] d = e.data().toArray();
        assertEquals(BatchFormat.VERSION_1, d[0]);
        assertEquals(c.id(), d[1]);
        assertEquals(41, e.firstL2Block());
        assertEquals(52, e.lastL2Block());
        assertEquals(12, e.blockCount());
        assertEquals(BLOCKS.get(11).stateRoot(), e.postStateRoot());
        assertTrue(d.length < e.rawSize(), "compressed " + d.length + " < raw " + e.rawSize());
        assertEquals(BLOCKS, envelope(c).decode(e.data()));
        // every codec reads every compression, whatever it writes
        BatchCompression other = c == BatchCompression.ZLIB ? BatchCompression.ZSTD : BatchCompression.ZLIB;
        assertEquals(BLOCKS, envelope(other).decode(e.data()));
    }

    @Test
    void blockHashesCommitmentIsKeccakOfTheConcatenatedHashes() {
        Bytes concat = Bytes.EMPTY;
        for (L2Block b : BLOCKS) {
            concat = concat.concat(b.hash().value());
        }
        assertEquals(Keccak.keccak256(concat), envelope(BatchCompression.ZLIB).encode(BLOCKS).blockHashes());
    }

    @Test
    void singleBlockWithoutTransactions() throws Exception {
        L2Block b = TestBlocks.block(TestBlocks.PRODUCER, TestBlocks.PRODUCER.address(), 0, Hash32.ZERO, 0, 0,
                List.of(), Hash32.ZERO);
        for (BatchCompression c : BatchCompression.values()) {
            assertEquals(List.of(b), envelope(c).decode(envelope(c).encode(List.of(b)).data()));
        }
    }

    @Test
    void encodingRefusesRangesThatCouldNotDecode() {
        BatchEnvelope env = envelope(BatchCompression.ZLIB);
        assertThrows(IllegalArgumentException.class, () -> env.encode(List.of()));
        List<L2Block> gap = new ArrayList<>(BLOCKS);
        gap.remove(5);
        assertThrows(IllegalArgumentException.class, () -> env.encode(gap));
        L2Block b = BLOCKS.get(0);
        L2Block unsigned = new L2Block(b.number(), b.hash(), b.parentHash(), b.epoch(), b.producer(),
                b.timestampMillis(), b.transactions(), b.stateRoot(), null);
        assertThrows(IllegalArgumentException.class, () -> env.encode(List.of(unsigned)));
        L2Block wrongHash = new L2Block(b.number(), Hash32.ZERO, b.parentHash(), b.epoch(), b.producer(),
                b.timestampMillis(), b.transactions(), b.stateRoot(), b.producerSignature());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.encode(List.of(wrongHash)));
        assertTrue(e.getMessage().contains("not its header hash"), e.getMessage());
        BatchEnvelope otherChain = new BatchEnvelope(902, BatchCompression.ZLIB, 9, 19);
        assertThrows(IllegalArgumentException.class, () -> otherChain.encode(BLOCKS));
    }

    @ParameterizedTest
    @EnumSource(BatchCompression.class)
    void envelopeRejections(BatchCompression c) {
        byte[] d = envelope(c).encode(BLOCKS).data().toArray();
        expect("unknown batch format version 2", with(d, 0, 2), c);
        expect("unknown batch format version 0", with(d, 0, 0), c);
        expect("unknown compression id 3", with(d, 1, 3), c);
        expect("unknown compression id 0", with(d, 1, 0), c);
        expect("shorter than the envelope", Arrays.copyOf(d, 2), c);
        expect("trailing bytes", Arrays.copyOf(d, d.length + 1), c);
        expect(c == BatchCompression.ZLIB ? "truncated" : "not a complete frame", Arrays.copyOf(d, d.length - 7), c);
        // a zstd stream labelled zlib and the other way round
        expect(c == BatchCompression.ZLIB ? "zstd" : "zlib", with(d, 1, c == BatchCompression.ZLIB ? 2 : 1), c);
    }

    @Test
    void zstdConcatenatedFramesAreTrailingBytes() {
        byte[] d = envelope(BatchCompression.ZSTD).encode(BLOCKS).data().toArray();
        byte[] twice = Arrays.copyOf(d, 2 * d.length - 2);
        System.arraycopy(d, 2, twice, d.length, d.length - 2);
        expect("trailing bytes after the frame", twice, BatchCompression.ZSTD);
    }

    @ParameterizedTest
    @EnumSource(BatchCompression.class)
    void corruptedCompressedBytesAreRejected(BatchCompression c) {
        byte[] d = envelope(c).encode(BLOCKS).data().toArray();
        for (int i = 2; i < d.length; i += Math.max(1, d.length / 40)) {
            byte[] t = d.clone();
            t[i] ^= 0x10;
            int at = i;
            assertThrows(BatchFormatException.class, () -> envelope(c).decode(Bytes.wrap(t)), () -> "flip at " + at);
        }
    }

    @ParameterizedTest
    @EnumSource(BatchCompression.class)
    void zipBombsStopAtTheBound(BatchCompression c) {
        byte[] zeros = new byte[BatchFormat.MAX_PAYLOAD_BYTES + 1];
        byte[] bomb = Compressor.of(c, 9, 3).compress(zeros);
        assertTrue(bomb.length < 100_000, "a bomb is small: " + bomb.length);
        BatchFormatException e = assertThrows(BatchFormatException.class,
                () -> envelope(c).payload(Bytes.wrap(envelope(bomb, c.id()))));
        assertTrue(e.getMessage().contains("more than " + BatchFormat.MAX_PAYLOAD_BYTES), e.getMessage());
        // exactly at the bound decompresses (then fails as RLP, which is not the point here)
        byte[] atBound = Compressor.of(c, 9, 3).compress(new byte[BatchFormat.MAX_PAYLOAD_BYTES]);
        e = assertThrows(BatchFormatException.class, () -> envelope(c).decode(Bytes.wrap(envelope(atBound, c.id()))));
        assertTrue(e.getMessage().startsWith("RLP"), e.getMessage());
    }

    @Test
    void smallBoundsApplyToBothCompressions() throws Exception {
        byte[] raw = new byte[5000];
        for (BatchCompression c : BatchCompression.values()) {
            Compressor comp = Compressor.of(c, 6, 3);
            byte[] z = comp.compress(raw);
            assertArrayEquals(raw, comp.decompress(z, 0, z.length, 5000));
            assertThrows(BatchFormatException.class, () -> comp.decompress(z, 0, z.length, 4999), c.name());
        }
    }

    @Test
    void zstdFramesMustDeclareTheirSize() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(buf)) {
            out.write(payload(BLOCKS, List.of()));
        }
        expect("does not declare its content size", envelope(buf.toByteArray(), 2), BatchCompression.ZSTD);
    }

    // ---- the payload: tampered fields and non-canonical encodings ----

    @Test
    void tamperedBlocksAreRejected() {
        expectPayload("signature does not recover", blocks -> {
            blocks.set(3, field(blocks.get(3), 7, new RlpList(RlpString.create(new byte[] {1, 2, 3}))));
            return blocks;
        });
        expectPayload("signature does not recover", blocks -> {
            blocks.set(0, field(blocks.get(0), 5, RlpString.create(new byte[32]))); // state root
            return blocks;
        });
        expectPayload("signature does not recover", blocks -> {
            blocks.set(11, field(blocks.get(11), 4, RlpString.create(BigInteger.valueOf(5)))); // timestamp
            return blocks;
        });
        expectPayload("is not the hash of block", blocks -> {
            blocks.set(6, field(blocks.get(6), 1, RlpString.create(new byte[32]))); // parent hash
            return blocks;
        });
        expectPayload("follows block", blocks -> {
            RlpType b = blocks.remove(4);
            blocks.add(5, b);
            return blocks;
        });
        expectPayload("follows block", blocks -> {
            blocks.remove(4);
            return blocks;
        });
    }

    @Test
    void blocksSignedByAnotherKeyAreRejected() {
        L2Block b = BLOCKS.get(0);
        L2Block forged = TestBlocks.block(TestBlocks.OTHER, TestBlocks.PRODUCER.address(), b.number(), b.parentHash(),
                b.epoch(), b.timestampMillis(), b.transactions(), b.stateRoot());
        byte[] data = envelope(payload(List.of(forged), List.of()), 1, BatchCompression.ZLIB);
        expect("does not recover to producer " + TestBlocks.PRODUCER.address(), data, BatchCompression.ZLIB);
    }

    @Test
    void malformedPayloadsAreRejected() {
        expectPayload("block list must be a non-empty list", blocks -> {
            blocks.clear();
            return blocks;
        });
        expectPayload("must be a list of 8 items", blocks -> {
            RlpList b = (RlpList) blocks.get(2);
            List<RlpType> f = new ArrayList<>(b.getValues());
            f.remove(7);
            blocks.set(2, new RlpList(f));
            return blocks;
        });
        expectPayload("parentHash must be 32 bytes, got 31", blocks -> {
            blocks.set(0, field(blocks.get(0), 1, RlpString.create(new byte[31])));
            return blocks;
        });
        expectPayload("producer must be 20 bytes", blocks -> {
            blocks.set(0, field(blocks.get(0), 3, new RlpList()));
            return blocks;
        });
        expectPayload("producerSignature must be 65 bytes", blocks -> {
            blocks.set(0, field(blocks.get(0), 6, RlpString.create(new byte[64])));
            return blocks;
        });
        expectPayload("signature v must be 27 or 28, got 1", blocks -> {
            byte[] sig = BLOCKS.get(0).producerSignature().toBytes65().toArray();
            sig[64] = 1;
            blocks.set(0, field(blocks.get(0), 6, RlpString.create(sig)));
            return blocks;
        });
        expectPayload("transaction 0 must be a non-empty byte string", blocks -> {
            blocks.set(0, field(blocks.get(0), 7, new RlpList(RlpString.create(new byte[0]))));
            return blocks;
        });
        expectPayload("non-canonical integer", blocks -> {
            blocks.set(0, field(blocks.get(0), 2, RlpString.create(new byte[] {0, 4})));
            return blocks;
        });
        expectPayload("integer above 2^63 - 1", blocks -> {
            blocks.set(0, field(blocks.get(0), 4, RlpString.create(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0})));
            return blocks;
        });
        expectPayload("transactions must be a list", blocks -> {
            blocks.set(0, field(blocks.get(0), 7, RlpString.create(new byte[] {1})));
            return blocks;
        });
    }

    @Test
    void wrongChainAndWrongShapeAtTheTop() {
        byte[] other = RlpEncoder.encode(new RlpList(RlpString.create(BigInteger.valueOf(902)), blockList(BLOCKS)));
        expect("batch is for L2 chain 902, this codec decodes chain 901", envelope(other, 1, BatchCompression.ZLIB),
                BatchCompression.ZLIB);
        byte[] three = RlpEncoder.encode(new RlpList(RlpString.create(BigInteger.valueOf(901)), blockList(BLOCKS),
                new RlpList()));
        expect("batch must be a list of 2 items", envelope(three, 1, BatchCompression.ZLIB), BatchCompression.ZLIB);
        byte[] good = payload(BLOCKS, List.of());
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        expect("RLP: 1 trailing bytes", envelope(trailing, 1, BatchCompression.ZLIB), BatchCompression.ZLIB);
    }

    @Test
    void ourPayloadIsWhatTheFixtureWrites() {
        // the fixture's hand-made payload (web3j RLP of the documented layout) is byte for byte the encoder's
        BatchEnvelope env = envelope(BatchCompression.ZLIB);
        byte[] ours = new BatchBlocks(TestBlocks.CHAIN_ID).encode(BLOCKS);
        assertArrayEquals(payload(BLOCKS, List.of()), ours);
        assertEquals(ours.length, env.encode(BLOCKS).rawSize());
    }

    // ---- helpers ----

    /** The documented layout, written here independently of BatchBlocks. */
    static byte[] payload(List<L2Block> blocks, List<RlpType> extra) {
        List<RlpType> top = new ArrayList<>(List.of(RlpString.create(BigInteger.valueOf(TestBlocks.CHAIN_ID)),
                blockList(blocks)));
        top.addAll(extra);
        return RlpEncoder.encode(new RlpList(top));
    }

    static RlpList blockList(List<L2Block> blocks) {
        List<RlpType> out = new ArrayList<>();
        for (L2Block b : blocks) {
            List<RlpType> txs = new ArrayList<>();
            b.transactions().forEach(t -> txs.add(RlpString.create(t.toArray())));
            out.add(new RlpList(RlpString.create(BigInteger.valueOf(b.number())),
                    RlpString.create(b.parentHash().value().toArray()), RlpString.create(BigInteger.valueOf(b.epoch())),
                    RlpString.create(b.producer().value().toArray()),
                    RlpString.create(BigInteger.valueOf(b.timestampMillis())),
                    RlpString.create(b.stateRoot().value().toArray()),
                    RlpString.create(b.producerSignature().toBytes65().toArray()), new RlpList(txs)));
        }
        return new RlpList(out);
    }

    static RlpType field(RlpType block, int index, RlpType value) {
        List<RlpType> f = new ArrayList<>(((RlpList) block).getValues());
        f.set(index, value);
        return new RlpList(f);
    }

    static void expectPayload(String message, UnaryOperator<List<RlpType>> change) {
        List<RlpType> blocks = new ArrayList<>(blockList(BLOCKS).getValues());
        byte[] p = RlpEncoder.encode(new RlpList(RlpString.create(BigInteger.valueOf(TestBlocks.CHAIN_ID)),
                new RlpList(change.apply(blocks))));
        for (BatchCompression c : BatchCompression.values()) {
            expect(message, envelope(p, c.id(), c), c);
        }
    }

    static byte[] envelope(byte[] payload, int id, BatchCompression c) {
        return envelope(Compressor.of(c, 9, 3).compress(payload), id);
    }

    static byte[] envelope(byte[] compressed, int id) {
        byte[] d = new byte[compressed.length + 2];
        d[0] = 1;
        d[1] = (byte) id;
        System.arraycopy(compressed, 0, d, 2, compressed.length);
        return d;
    }

    static byte[] with(byte[] d, int index, int value) {
        byte[] t = d.clone();
        t[index] = (byte) value;
        return t;
    }

    static void expect(String message, byte[] data, BatchCompression codec) {
        BatchFormatException e = assertThrows(BatchFormatException.class,
                () -> envelope(codec).decode(Bytes.wrap(data)), message);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
