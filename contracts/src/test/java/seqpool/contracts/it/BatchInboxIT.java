package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.BatchInbox;

/** BatchInbox: contiguity, calldata commitment, blob-hash checks (negative paths), pool signature, event. */
@ExtendWith(AnvilExtension.class)
class BatchInboxIT {
    private final SecureRandom random = new SecureRandom();
    private Chain chain;
    private Deployment d;
    private BatchInbox inbox;
    private String addr;
    private String from;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        inbox = d.inbox;
        addr = inbox.getContractAddress();
        from = d.admin.getAddress();
    }

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private byte[] rnd(int n) {
        byte[] x = new byte[n];
        random.nextBytes(x);
        return x;
    }

    private BatchInbox.BatchHeader header(long index, long first, long last, byte[] commit, byte[] root, int kind,
            List<byte[]> hashes) {
        return new BatchInbox.BatchHeader(b(index), b(first), b(last), commit, root, b(kind), hashes);
    }

    private byte[] digest(BatchInbox.BatchHeader h) {
        return PoolMessageDigest.appendBatch(Chain.CHAIN_ID, addr, h.index.longValue(), h.firstL2Block.longValue(),
                h.lastL2Block.longValue(), h.blockHashesCommitment, h.postStateRoot, h.dataKind.intValue(), h.dataHashes);
    }

    @Test
    void calldataBatchesAreContiguousAndSigned() throws Exception {
        byte[] data = rnd(2048);
        byte[] root = rnd(32);
        byte[] commit = rnd(32);
        BatchInbox.BatchHeader h1 = header(1, 1, 10, commit, root, 0, List.of(Hash.sha3(data)));
        byte[] sig = d.poolKey.ecdsa(digest(h1));
        assertArrayEquals(digest(h1), inbox.batchDigest(h1).send());

        chain.expectRevert(from, addr, inbox.appendBatch(header(2, 1, 10, commit, root, 0, List.of(Hash.sha3(data))),
                data, sig), "NonContiguousBatch");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 2, 10, commit, root, 0, List.of(Hash.sha3(data))),
                data, sig), "NonContiguousBatch");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 1, 0, commit, root, 0, List.of(Hash.sha3(data))),
                data, sig), "EmptyRange");
        chain.expectRevert(from, addr, inbox.appendBatch(h1, rnd(2048), sig), "DataHashMismatch");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 1, 10, commit, root, 0, List.of()), data, sig),
                "UnexpectedBlobOrData");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 1, 10, commit, root, 7, List.of(Hash.sha3(data))),
                data, sig), "UnknownDataKind");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 1, 10, commit, rnd(32), 0, List.of(Hash.sha3(data))),
                data, sig), "InvalidPoolSignature");
        chain.expectRevert(from, addr, inbox.appendBatch(h1, data, d.poolKey.ecdsaHighS(digest(h1))), "HighSSignature");

        TransactionReceipt r = ok(inbox.appendBatch(h1, data, sig));
        var e = BatchInbox.getBatchAppendedEvents(r).get(0);
        assertEquals(b(1), e.index);
        assertEquals(b(1), e.firstL2Block);
        assertEquals(b(10), e.lastL2Block);
        assertArrayEquals(commit, e.blockHashesCommitment);
        assertArrayEquals(root, e.postStateRoot);
        assertArrayEquals(Hash.sha3(Hash.sha3(data)), e.dataCommitment);
        byte[] headerHash = PoolMessageDigest.batchHeaderHash(1, 1, 10, commit, root, 0, List.of(Hash.sha3(data)));
        assertArrayEquals(headerHash, e.headerHash);
        assertArrayEquals(headerHash, inbox.batchHeaderHash(b(1)).send());
        assertEquals(b(10), inbox.lastL2Block().send());
        assertArrayEquals(root, inbox.lastPostStateRoot().send());
        // replay is rejected by contiguity
        chain.expectRevert(from, addr, inbox.appendBatch(h1, data, sig), "NonContiguousBatch");

        byte[] data2 = rnd(100);
        BatchInbox.BatchHeader h2 = header(2, 11, 11, rnd(32), rnd(32), 0, List.of(Hash.sha3(data2)));
        ok(inbox.appendBatch(h2, data2, d.poolKey.frost(digest(h2))));
        BatchInbox.BatchHeader h3 = header(3, 12, 20, rnd(32), rnd(32), 0, List.of(Hash.sha3(new byte[0])));
        ok(inbox.appendBatch(h3, new byte[0], d.poolKey.frostCompressed(digest(h3))));
        assertEquals(b(3), inbox.lastBatchIndex().send());
    }

    @Test
    void blobBatchesMustCarryExactlyTheCommittedBlobs() throws Exception {
        byte[] vh = rnd(32);
        vh[0] = 1; // versioned hash prefix
        BatchInbox.BatchHeader h = header(1, 1, 10, rnd(32), rnd(32), 1, List.of(vh));
        byte[] sig = d.poolKey.ecdsa(digest(h));
        // this transaction carries no blob: blobhash(0) == 0 differs from the committed versioned hash
        var err = chain.expectRevert(from, addr, inbox.appendBatch(h, new byte[0], sig), "BlobHashMismatch");
        assertEquals(BigInteger.ZERO, err.args().get(0));
        chain.expectRevert(from, addr, inbox.appendBatch(h, new byte[] {1}, sig), "UnexpectedBlobOrData");
        chain.expectRevert(from, addr, inbox.appendBatch(header(1, 1, 10, rnd(32), rnd(32), 1, List.of()), new byte[0],
                sig), "UnexpectedBlobOrData");
    }
}
