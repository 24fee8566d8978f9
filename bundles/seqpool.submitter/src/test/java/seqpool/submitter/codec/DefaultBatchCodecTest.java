package seqpool.submitter.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchBlob;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.codec.crypto.Keccak;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.blob.BlobKzg;
import seqpool.submitter.blob.BlobPacking;
import seqpool.submitter.testing.TestBlocks;

class DefaultBatchCodecTest {
    static final List<L2Block> BLOCKS = TestBlocks.chain(1, 20, 4, 11);
    static final DefaultBatchCodec CODEC = new DefaultBatchCodec(
            new BatchEnvelope(TestBlocks.CHAIN_ID, BatchCompression.ZSTD, 9, 19), 6);

    @Test
    void calldataBatch() throws Exception {
        BuiltBatch b = CODEC.build(7, BLOCKS, DataCommitment.Kind.CALLDATA);
        assertEquals(7, b.header().batchIndex());
        assertEquals(1, b.header().firstL2Block());
        assertEquals(20, b.header().lastL2Block());
        assertEquals(BLOCKS.get(19).stateRoot(), b.header().postStateRoot());
        assertEquals(b.encoded().blockHashes(), b.header().blockHashes());
        assertEquals(List.of(Keccak.keccak256(b.encoded().data())), b.header().data().hashes());
        assertTrue(b.blobs().isEmpty());
        assertEquals(b.encoded().data(), b.calldata());
        assertEquals(BLOCKS, CODEC.decode(b.calldata()));
    }

    @Test
    void blobBatchRoundTripsThroughTheBlobs() throws Exception {
        BuiltBatch b = CODEC.build(8, BLOCKS, DataCommitment.Kind.BLOB);
        assertEquals(Bytes.EMPTY, b.calldata());
        assertEquals(BlobPacking.blobsFor(b.encoded().data().size()), b.blobs().size());
        List<Bytes> raw = new ArrayList<>();
        for (int i = 0; i < b.blobs().size(); i++) {
            BatchBlob blob = b.blobs().get(i);
            assertTrue(BlobKzg.verify(blob.blob(), blob.commitment(), blob.proof()));
            assertEquals(b.header().data().hashes().get(i), blob.versionedHash());
            raw.add(blob.blob());
        }
        assertEquals(BLOCKS, CODEC.decode(CODEC.fromBlobs(raw)));
    }

    @Test
    void multiBlobBatchesAndTheBlobLimit() throws Exception {
        Bytes big = random(BlobPacking.capacity(3) + 1);
        List<BatchBlob> blobs = CODEC.toBlobs(big);
        assertEquals(4, blobs.size());
        assertEquals(big, CODEC.fromBlobs(blobs.stream().map(BatchBlob::blob).toList()));
        DefaultBatchCodec two = new DefaultBatchCodec(new BatchEnvelope(TestBlocks.CHAIN_ID, BatchCompression.ZLIB,
                9, 19), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.toBlobs(big));
        assertTrue(e.getMessage().contains("need 4 blobs, a transaction carries 2"), e.getMessage());
        assertThrows(BatchFormatException.class, () -> two.fromBlobs(blobs.stream().map(BatchBlob::blob).toList()));
        // DataCommitment itself no longer caps the blob count (a fork parameter): 9 hashes are fine
        List<Hash32> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(blobs.get(0).versionedHash());
        }
        assertEquals(9, new DataCommitment(DataCommitment.Kind.BLOB, nine).hashes().size());
    }

    @Test
    void aTamperedBlobDoesNotDecodeNorVerify() {
        BuiltBatch b = CODEC.build(9, BLOCKS, DataCommitment.Kind.BLOB);
        byte[] blob = b.blobs().get(0).blob().toArray();
        blob[32 * 40 + 3] ^= 0x04; // inside the compressed data
        assertThrows(BatchFormatException.class, () -> CODEC.decode(CODEC.fromBlobs(List.of(Bytes.wrap(blob)))));
        assertFalse(BlobKzg.verify(Bytes.wrap(blob), b.blobs().get(0).commitment(), b.blobs().get(0).proof()));
    }

    static Bytes random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return Bytes.wrap(b);
    }
}
