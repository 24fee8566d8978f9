package seqpool.sequencer.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/** Served blobs are used only when they hash to the batch's versioned hashes, in the batch's order. */
class BlobMatchTest {
    /** A stand-in for KZG: keccak of the blob; "bad" blobs are not blobs. */
    static final BlobHasher HASHER = b -> {
        if (b.size() == 3) {
            throw new L1DataException("not a blob");
        }
        return Keccak.keccak256(b);
    };

    static final Bytes X = Bytes.fromHex("0x01");
    static final Bytes Y = Bytes.fromHex("0x0202");
    static final Bytes BAD = Bytes.fromHex("0x030303");

    @Test
    void ordersByVersionedHashAndIgnoresOthers() throws Exception {
        List<Hash32> wanted = List.of(Keccak.keccak256(Y), Keccak.keccak256(X));
        assertEquals(List.of(Y, X), BlobMatch.order(wanted, List.of(BAD, X, Bytes.fromHex("0x09"), Y), HASHER));
    }

    @Test
    void aMissingOrAlteredBlobIsABadBlob() {
        List<Hash32> wanted = List.of(Keccak.keccak256(X), Keccak.keccak256(Y));
        L1DataException e = assertThrows(L1DataException.class,
                () -> BlobMatch.order(wanted, List.of(X, Bytes.fromHex("0x0203"), BAD), HASHER));
        assertTrue(e.getMessage().contains("blob 1"), e.getMessage());
        assertTrue(e.getMessage().contains("not a blob"), e.getMessage());
    }
}
