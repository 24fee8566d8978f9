package seqpool.sequencer.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.derive.l1.KzgBlobHasher;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;

/**
 * Derivation over an L1 in memory (no engine: the checks before execution) with the real batch codec and KZG: every
 * kind of bad batch is reported with its problem, and nothing throws.
 */
class DerivationTest {
    static final LocalNodeSigner P = Keys.node(1);
    static final BatchCodec CODEC = new DefaultBatchCodec(new BatchEnvelope(Blocks.CHAIN_ID, BatchCompression.ZLIB, 9,
            9), 9);
    static final List<L2Block> CHAIN = Blocks.chain(P, 1, Hash32.ZERO, 1, 10, 1_700_000_000_000L);

    /** L1 in memory: transactions by hash, blobs by L1 block. */
    static final class MemoryL1 implements L1View {
        final Map<Hash32, BatchTransaction> txs = new HashMap<>();
        final Map<Long, List<Bytes>> blobs = new HashMap<>();
        final List<BatchEvent> events = new ArrayList<>();
        boolean down;

        BatchEvent post(BuiltBatch b, Bytes input, Address to) throws L1DataException {
            long l1Block = 100 + events.size();
            Hash32 tx = Keccak.keccak256(Bytes.utf8("tx" + l1Block));
            txs.put(tx, new BatchTransaction(Optional.of(to), input, b.blobs().isEmpty() ? List.of()
                    : b.header().data().hashes()));
            blobs.put(l1Block, b.blobs().stream().map(x -> x.blob()).toList());
            BatchEvent e = L1Fixtures.event(b, l1Block, tx);
            events.add(e);
            return e;
        }

        BatchEvent post(BuiltBatch b) throws L1DataException {
            return post(b, L1Fixtures.input(b), L1Fixtures.INBOX);
        }

        @Override
        public BatchTransaction transaction(Hash32 hash) throws L1DataException {
            if (down) {
                throw new L1DataException("http://l1: failed 5 times, last: ConnectException");
            }
            return txs.get(hash);
        }

        @Override
        public List<Bytes> blobs(long l1Block, List<Hash32> wanted) {
            return blobs.getOrDefault(l1Block, List.of());
        }
    }

    static ProducerSchedule assigned() {
        return ProducerSchedule.of(List.of(new EpochEvent.Committed(1, 1, 10, P.address())));
    }

    static DeriveReport derive(MemoryL1 l1, ProducerSchedule schedule, Optional<NodeView> node) {
        List<String> lines = new ArrayList<>();
        DeriveReport r = new Derivation(new Derivation.Inputs(L1Fixtures.INBOX, 1, l1.events, schedule), l1,
                new KzgBlobHasher(), CODEC, Optional.empty(), node).run(1, 200, lines::add);
        lines.forEach(System.out::println);
        r.summary().forEach(System.out::println);
        return r;
    }

    static MemoryL1 goodL1() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        l1.post(CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.CALLDATA));
        l1.post(CODEC.build(2, CHAIN.subList(4, 10), DataCommitment.Kind.BLOB));
        return l1;
    }

    static Optional<Problem> problem(DeriveReport r, int batch) {
        return r.batches().get(batch).problem();
    }

    @Test
    void calldataAndBlobBatchesDerive() throws Exception {
        DeriveReport r = derive(goodL1(), assigned(), Optional.empty());
        assertEquals(0, r.exitCode());
        assertEquals(10, r.matched());
        assertTrue(r.summary().contains("FIGURE derive_blocks_matched 10"));
        assertTrue(r.summary().contains("FIGURE derive_blocks_mismatched 0"));
    }

    @Test
    void tamperedCalldataIsAWrongHash() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        BuiltBatch b = CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.CALLDATA);
        byte[] data = b.calldata().toArray();
        data[data.length - 1] ^= 1;
        l1.post(b, L1Fixtures.appendBatchInput(b.header(), Bytes.wrap(data), Bytes.EMPTY), L1Fixtures.INBOX);
        DeriveReport r = derive(l1, assigned(), Optional.empty());
        assertEquals(Optional.of(Problem.WRONG_HASH), problem(r, 0));
        assertTrue(r.batches().get(0).detail().contains("keccak256 of the calldata"), r.batches().get(0).detail());
        assertEquals(1, r.exitCode());
        assertEquals(4, r.mismatched());
    }

    @Test
    void aTransactionToAnotherContractIsAWrongHash() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        BuiltBatch b = CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.CALLDATA);
        l1.post(b, L1Fixtures.input(b), Address.fromHex("0x" + "66".repeat(20)));
        assertEquals(Optional.of(Problem.WRONG_HASH), problem(derive(l1, assigned(), Optional.empty()), 0));
    }

    @Test
    void anAlteredBlobIsABadBlobAndStopsDerivation() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        l1.post(CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.BLOB));
        l1.post(CODEC.build(2, CHAIN.subList(4, 10), DataCommitment.Kind.CALLDATA));
        byte[] blob = l1.blobs.get(100L).get(0).toArray();
        blob[100] ^= 1;
        l1.blobs.put(100L, List.of(Bytes.wrap(blob)));
        DeriveReport r = derive(l1, assigned(), Optional.empty());
        assertEquals(Optional.of(Problem.BAD_BLOB), problem(r, 0));
        assertEquals(1, r.batches().size());
        assertEquals(6, r.unchecked());
        assertTrue(r.summary().contains("FIGURE derive_blocks_mismatched 10"), r.summary().toString());
    }

    @Test
    void dataThatIsNotTheFormatIsUndecodable() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        Bytes garbage = Bytes.fromHex("0x0101deadbeef");
        BuiltBatch real = CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.CALLDATA);
        BatchHeader h = new BatchHeader(1, 1, 4, real.header().blockHashes(), real.header().postStateRoot(),
                new DataCommitment(DataCommitment.Kind.CALLDATA, List.of(Keccak.keccak256(garbage))));
        BuiltBatch forged = new BuiltBatch(h, CODEC.encode(CHAIN.subList(0, 4)), List.of());
        l1.post(forged, L1Fixtures.appendBatchInput(h, garbage, Bytes.EMPTY), L1Fixtures.INBOX);
        assertEquals(Optional.of(Problem.UNDECODABLE), problem(derive(l1, assigned(), Optional.empty()), 0));
    }

    @Test
    void aHeaderThatDoesNotCommitToTheBlocksIsRefused() throws Exception {
        MemoryL1 l1 = new MemoryL1();
        BuiltBatch real = CODEC.build(1, CHAIN.subList(0, 4), DataCommitment.Kind.CALLDATA);
        BatchHeader h = new BatchHeader(1, 1, 4, Hash32.fromHex("0x" + "77".repeat(32)),
                real.header().postStateRoot(), real.header().data());
        l1.post(new BuiltBatch(h, real.encoded(), List.of()));
        DeriveReport r = derive(l1, assigned(), Optional.empty());
        assertEquals(Optional.of(Problem.UNDECODABLE), problem(r, 0));
        assertTrue(r.batches().get(0).detail().contains("commit to"), r.batches().get(0).detail());
    }

    @Test
    void batchOneOutsideTheRangeIsNotContiguous() throws Exception {
        MemoryL1 l1 = goodL1();
        l1.events.remove(0);
        DeriveReport r = derive(l1, assigned(), Optional.empty());
        assertEquals(Optional.of(Problem.NOT_CONTIGUOUS), problem(r, 0));
        assertTrue(r.batches().get(0).detail().contains("--from"), r.batches().get(0).detail());
    }

    @Test
    void anUnavailableL1IsReportedNotThrown() throws Exception {
        MemoryL1 l1 = goodL1();
        l1.down = true;
        DeriveReport r = derive(l1, assigned(), Optional.empty());
        assertEquals(Optional.of(Problem.UNAVAILABLE), problem(r, 0));
        assertEquals(1, r.exitCode());
    }

    @Test
    void blocksWithoutACommittedProducerAreReportedAndDerivationGoesOn() throws Exception {
        ProducerSchedule partial = ProducerSchedule.of(List.of(new EpochEvent.Committed(1, 1, 5, P.address())));
        DeriveReport r = derive(goodL1(), partial, Optional.empty());
        assertTrue(r.batches().get(0).isOk());
        assertEquals(Optional.of(Problem.PRODUCER_NOT_ASSIGNED), problem(r, 1));
        assertTrue(r.batches().get(1).detail().contains("no producer to L2 block 6"), r.batches().get(1).detail());
        assertEquals(4, r.matched());
        assertEquals(6, r.mismatched());
        assertEquals(1, r.exitCode());
    }

    @Test
    void aNodeThatDiffersIsCountedPerBlock() throws Exception {
        NodeView node = n -> n == 9 ? Optional.empty()
                : Optional.of(new NodeView.NodeBlock(Hash32.fromHex("0x" + "01".repeat(32)),
                        n == 3 ? Hash32.fromHex("0x" + "03".repeat(32)) : Hash32.ZERO));
        DeriveReport r = derive(goodL1(), assigned(), Optional.of(node));
        assertEquals(Optional.of(Problem.NODE_DIFFERS), problem(r, 0));
        assertEquals(Optional.of(Problem.NODE_DIFFERS), problem(r, 1));
        assertTrue(r.batches().get(1).detail().contains("no L2 block 9"), r.batches().get(1).detail());
        assertEquals(8, r.matched());
        assertEquals(2, r.mismatched());
    }
}
