package seqpool.submitter.sign;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Hash32;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;
import seqpool.submitter.testing.TestBlocks;

/** A signer signs only the header its own chain gives; any other field is refused with the field named. */
class RederivationTest {
    final List<L2Block> blocks = TestBlocks.chain(1, 5, 3, 11);
    final DefaultBatchCodec codec = new DefaultBatchCodec(new BatchEnvelope(TestBlocks.CHAIN_ID, BatchCompression.ZLIB,
            9, 9), 9);
    final Rederivation r = new Rederivation(codec, chain(blocks));

    static L2Chain chain(List<L2Block> bs) {
        return new L2Chain() {
            @Override
            public long headNumber() {
                return bs.get(bs.size() - 1).number();
            }

            @Override
            public Optional<L2Block> block(long number) {
                return bs.stream().filter(b -> b.number() == number).findFirst();
            }

            @Override
            public AutoCloseable subscribe(Consumer<L2Block> listener) {
                return () -> { };
            }
        };
    }

    static BatchTask task(BatchHeader h, int compression) {
        Map<String, String> p = new TreeMap<>();
        p.put("index", Long.toString(h.batchIndex()));
        p.put("first", Long.toString(h.firstL2Block()));
        p.put("last", Long.toString(h.lastL2Block()));
        p.put("blockHashes", h.blockHashes().value().toHex());
        p.put("postStateRoot", h.postStateRoot().value().toHex());
        p.put("dataKind", h.data().kind() == DataCommitment.Kind.BLOB ? "1" : "0");
        p.put("dataHashes", String.join(",", h.data().hashes().stream().map(x -> x.value().toHex()).toList()));
        p.put("compression", Integer.toString(compression));
        p.put("proposer", TestBlocks.PRODUCER.address().toHex());
        p.put("digest", "00".repeat(32));
        p.put("signers", TestBlocks.PRODUCER.address().toHex());
        p.put("posters", TestBlocks.PRODUCER.address().toHex());
        return BatchTask.of(new PosTask("batch:1:5", PosTaskKind.SIGN_BATCH, 1, 0, p));
    }

    @Test
    void theSameHeaderMatchesAndCarriesThisNodesOwnData() {
        BuiltBatch mine = codec.build(1, blocks.subList(0, 4), DataCommitment.Kind.BLOB);
        var v = r.check(task(mine.header(), 1));
        var m = assertInstanceOf(Rederivation.Verdict.Match.class, v);
        assertTrue(m.batch().header().equals(mine.header()));
        assertTrue(m.batch().blobs().size() == 1);
    }

    @Test
    void tamperedFieldsAreRefusedNamingTheField() {
        BatchHeader h = codec.build(1, blocks.subList(0, 4), DataCommitment.Kind.CALLDATA).header();
        Hash32 bad = Hash32.fromHex("11".repeat(32));
        var root = r.check(task(new BatchHeader(1, 1, 4, h.blockHashes(), bad, h.data()), 1));
        assertTrue(assertInstanceOf(Rederivation.Verdict.Mismatch.class, root).reason().contains("post-state root"));
        var hashes = r.check(task(new BatchHeader(1, 1, 4, bad, h.postStateRoot(), h.data()), 1));
        assertTrue(assertInstanceOf(Rederivation.Verdict.Mismatch.class, hashes).reason().contains("block hashes"));
        var data = r.check(task(new BatchHeader(1, 1, 4, h.blockHashes(), h.postStateRoot(),
                new DataCommitment(DataCommitment.Kind.CALLDATA, List.of(bad))), 1));
        assertTrue(assertInstanceOf(Rederivation.Verdict.Mismatch.class, data).reason().contains("data commitment"));
        var range = r.check(task(new BatchHeader(1, 1, 3, h.blockHashes(), h.postStateRoot(), h.data()), 1));
        assertInstanceOf(Rederivation.Verdict.Mismatch.class, range);
        var zstd = r.check(task(h, BatchCompression.ZSTD.id()));
        assertTrue(assertInstanceOf(Rederivation.Verdict.Mismatch.class, zstd).reason().contains("compression"));
    }

    @Test
    void aRangeBeyondThisNodesHeadIsNotYetDecided() {
        BatchHeader h = codec.build(1, blocks, DataCommitment.Kind.CALLDATA).header();
        Rederivation behind = new Rederivation(codec, chain(blocks.subList(0, 3)));
        assertInstanceOf(Rederivation.Verdict.NotYet.class, behind.check(task(h, 1)));
    }
}
