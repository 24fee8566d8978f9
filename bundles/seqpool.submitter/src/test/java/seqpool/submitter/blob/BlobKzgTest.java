package seqpool.submitter.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.BatchBlob;

/**
 * Sidecars of packed blobs: proofs verify (verify_blob_kzg_proof), wrong proofs and changed blobs do not, versioned
 * hashes are 0x01 ‖ sha256(commitment)[1..]. Known answers for the library itself: seqpool.wrap.kzg's tests.
 */
class BlobKzgTest {
    @Test
    void sidecarsVerifyAndWrongOnesDoNot() throws Exception {
        byte[] a = new byte[50_000];
        new Random(1).nextBytes(a);
        BatchBlob x = BlobKzg.sidecar(BlobPacking.pack(Bytes.wrap(a)).get(0));
        BatchBlob y = BlobKzg.sidecar(BlobPacking.pack(Bytes.wrap(new byte[] {1, 2, 3})).get(0));
        assertTrue(BlobKzg.verify(x.blob(), x.commitment(), x.proof()));
        assertTrue(BlobKzg.verify(y.blob(), y.commitment(), y.proof()));
        assertFalse(BlobKzg.verify(x.blob(), x.commitment(), y.proof()), "another blob's proof");
        assertFalse(BlobKzg.verify(x.blob(), y.commitment(), x.proof()), "another blob's commitment");
        byte[] changed = x.blob().toArray();
        changed[4000] ^= 1;
        assertFalse(BlobKzg.verify(Bytes.wrap(changed), x.commitment(), x.proof()), "a changed blob");
        assertFalse(BlobKzg.verify(x.blob(), x.commitment(), Bytes.wrap(new byte[48])), "bytes that are no point");

        byte[] h = MessageDigest.getInstance("SHA-256").digest(x.commitment().toArray());
        h[0] = 1;
        assertEquals(Bytes.wrap(h), x.versionedHash().value());
    }

    @Test
    void refusesBlobsThatAreNotFieldElements() {
        byte[] blob = new byte[BatchBlob.BYTES_PER_BLOB];
        blob[0] = (byte) 0x80;
        assertThrows(IllegalArgumentException.class, () -> BlobKzg.sidecar(Bytes.wrap(blob)));
        assertThrows(IllegalArgumentException.class, () -> BlobKzg.versionedHash(Bytes.wrap(new byte[47])));
    }
}
