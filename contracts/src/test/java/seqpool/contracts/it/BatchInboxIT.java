package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

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
        assertArrayEquals(headerHash, inbox.lastHeaderHash().send());
        assertEquals(b(10), inbox.lastL2Block().send());
        // replay is rejected by contiguity
        chain.expectRevert(from, addr, inbox.appendBatch(h1, data, sig), "NonContiguousBatch");

        byte[] data2 = rnd(100);
        BatchInbox.BatchHeader h2 = header(2, 11, 11, rnd(32), rnd(32), 0, List.of(Hash.sha3(data2)));
        ok(inbox.appendBatch(h2, data2, d.poolKey.frost(digest(h2))));
        BatchInbox.BatchHeader h3 = header(3, 12, 20, rnd(32), rnd(32), 0, List.of(Hash.sha3(new byte[0])));
        ok(inbox.appendBatch(h3, new byte[0], d.poolKey.frostCompressed(digest(h3))));
        assertEquals(b(3), inbox.lastBatchIndex().send());
        assertEquals(b(20), inbox.lastL2Block().send());
        assertArrayEquals(PoolMessageDigest.batchHeaderHash(3, 12, 20, h3.blockHashesCommitment, h3.postStateRoot, 0,
                h3.dataHashes), inbox.lastHeaderHash().send());
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

    /**
     * The header hash is the keccak of the header's calldata bytes, so it must equal the canonical ABI encoding the pool
     * signs: a header that decodes to the same fields from a non-canonical encoding (the dataHashes array placed one
     * word further) is refused for its signature, and dirty high bits in a uint64 field are refused by the decoder.
     */
    @Test
    void onlyTheCanonicalHeaderEncodingIsAccepted() throws Exception {
        byte[] data = rnd(64);
        BatchInbox.BatchHeader h = header(1, 1, 10, rnd(32), rnd(32), 0, List.of(Hash.sha3(data)));
        byte[] sig = d.poolKey.frost(digest(h));
        byte[] call = Numeric.hexStringToByteArray(inbox.appendBatch(h, data, sig).encodeFunctionCall());
        int args = 4;
        int headerAt = args + new BigInteger(1, Arrays.copyOfRange(call, args, args + 32)).intValueExact();
        assertEquals(0xe0, new BigInteger(1, Arrays.copyOfRange(call, headerAt + 0xc0, headerAt + 0xe0)).intValueExact());

        // the same fields with dataHashes at offset 0x100 (one zero word inserted): decodes fine, hashes differently
        byte[] moved = new byte[call.length + 32];
        System.arraycopy(call, 0, moved, 0, headerAt + 0xe0);
        System.arraycopy(call, headerAt + 0xe0, moved, headerAt + 0x100, call.length - headerAt - 0xe0);
        moved[headerAt + 0xdf] = 0x00;
        moved[headerAt + 0xde] = 0x01; // 0x100
        for (int w = 1; w <= 2; w++) { // the data and signature offsets move by one word
            int at = args + 32 * w;
            BigInteger off = new BigInteger(1, Arrays.copyOfRange(moved, at, at + 32)).add(BigInteger.valueOf(32));
            System.arraycopy(Numeric.toBytesPadded(off, 32), 0, moved, at, 32);
        }
        assertEquals("InvalidPoolSignature", revertName(moved));

        byte[] dirty = call.clone();
        dirty[headerAt] = 0x01; // index with a bit above 64
        assertEquals("(no data)", revertName(dirty));

        ok(inbox.appendBatch(h, data, sig)); // the canonical call goes through
        assertArrayEquals(PoolMessageDigest.batchHeaderHash(1, 1, 10, h.blockHashesCommitment, h.postStateRoot, 0,
                h.dataHashes), inbox.lastHeaderHash().send());
    }

    /** eth_call of raw calldata that must revert: the custom error's name, or "(no data)". */
    private String revertName(byte[] calldata) throws Exception {
        var r = chain.web3j().ethCall(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(from,
                addr, Numeric.toHexString(calldata)), org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send();
        String data = r.hasError() ? r.getError().getData() : r.isReverted() ? r.getRevertReason() : null;
        if (!r.hasError() && !r.isReverted()) {
            throw new AssertionError("expected a revert, the call succeeded");
        }
        if (data == null || data.replace("\"", "").equals("0x")) {
            return "(no data)";
        }
        return seqpool.contracts.errors.ContractErrors.get().decode(data.replace("\"", "")).map(e -> e.name())
                .orElse(data);
    }
}
