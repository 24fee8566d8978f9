package seqpool.sequencer.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.DataCommitment;
import seqpool.codec.crypto.Keccak;
import seqpool.contracts.digest.PoolMessageDigest;

/** The L1 decoders against web3j's encoder and the contracts' own hash helper; malformed input is an error, never a crash. */
class AbiDecodingTest {
    static final Random RANDOM = new Random(12);

    static BatchHeader header(DataCommitment.Kind kind, int hashes) {
        List<Hash32> h = java.util.stream.IntStream.range(0, hashes).mapToObj(i -> hash()).toList();
        return new BatchHeader(7, 61, 70, hash(), hash(), new DataCommitment(kind, h));
    }

    static Hash32 hash() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new Hash32(Bytes.wrap(b));
    }

    @Test
    void appendBatchDecodesWhatWeb3jEncodes() throws Exception {
        BatchHeader h = header(DataCommitment.Kind.BLOB, 3);
        Bytes data = Bytes.fromHex("0x0102030405");
        AppendBatchCall c = AppendBatchCall.decode(L1Fixtures.appendBatchInput(h, data, Bytes.wrap(new byte[97])));
        assertEquals(7, c.index());
        assertEquals(61, c.firstL2Block());
        assertEquals(70, c.lastL2Block());
        assertEquals(h.blockHashes(), c.blockHashes());
        assertEquals(h.postStateRoot(), c.postStateRoot());
        assertEquals(1, c.dataKind());
        assertEquals(h.data().hashes(), c.dataHashes());
        assertEquals(data, c.data());
    }

    @Test
    void headerHashAndDataCommitmentAreBatchInboxs() throws Exception {
        BatchHeader h = header(DataCommitment.Kind.BLOB, 2);
        AppendBatchCall c = AppendBatchCall.decode(L1Fixtures.appendBatchInput(h, Bytes.EMPTY, Bytes.EMPTY));
        List<byte[]> hashes = h.data().hashes().stream().map(x -> x.value().toArray()).toList();
        assertArrayEquals(PoolMessageDigest.batchHeaderHash(7, 61, 70, h.blockHashes().value().toArray(),
                h.postStateRoot().value().toArray(), 1, hashes), c.headerHash().value().toArray());
        assertEquals(Keccak.keccak256(h.data().hashes().get(0).value().concat(h.data().hashes().get(1).value())),
                c.dataCommitment());
    }

    @Test
    void anythingButAnAppendBatchCallIsRefused() {
        BatchHeader h = header(DataCommitment.Kind.CALLDATA, 1);
        Bytes good = L1Fixtures.appendBatchInput(h, Bytes.fromHex("0xaa"), Bytes.EMPTY);
        assertThrows(L1DataException.class, () -> AppendBatchCall.decode(Bytes.EMPTY));
        assertThrows(L1DataException.class, () -> AppendBatchCall.decode(Bytes.fromHex("0xdeadbeef")
                .concat(good.slice(4, good.size()))));
        assertThrows(L1DataException.class, () -> AppendBatchCall.decode(good.slice(0, good.size() - 40)));
        byte[] dirty = good.toArray();
        dirty[4 + 32 * 3 + 10] = 1; // high bits of header.index (the header starts at word 3)
        L1DataException e = assertThrows(L1DataException.class, () -> AppendBatchCall.decode(Bytes.wrap(dirty)));
        assertTrue(e.getMessage().contains("header.index"), e.getMessage());
    }

    @Test
    void corruptedInputsFailCleanly() {
        Bytes good = L1Fixtures.appendBatchInput(header(DataCommitment.Kind.BLOB, 4), Bytes.fromHex("0x0102"),
                Bytes.wrap(new byte[65]));
        for (int i = 0; i < 2000; i++) {
            byte[] b = good.toArray();
            int cut = RANDOM.nextInt(b.length + 1);
            b[4 + RANDOM.nextInt(b.length - 4)] ^= (byte) (1 << RANDOM.nextInt(8));
            Bytes input = Bytes.wrap(b).slice(0, i % 2 == 0 ? b.length : cut);
            try {
                AppendBatchCall.decode(input);
            } catch (L1DataException expected) {
                // a clean refusal
            }
        }
    }

    @Test
    void batchAppendedLogsDecode() throws Exception {
        BatchEvent e = new BatchEvent(3, 11, 20, hash(), hash(), 1, hash(), hash(), 99, hash());
        assertEquals(e, BatchEvent.decode(L1Fixtures.log(e)));
        L1Log short1 = L1Fixtures.log(e);
        L1Log cut = new L1Log(short1.address(), 99, 0, short1.transactionHash(), short1.topics(),
                short1.data().slice(0, 6 * 32));
        assertThrows(L1DataException.class, () -> BatchEvent.decode(cut));
        L1Log noIndex = new L1Log(short1.address(), 99, 0, short1.transactionHash(), List.of(BatchEvent.TOPIC),
                short1.data());
        assertThrows(L1DataException.class, () -> BatchEvent.decode(noIndex));
    }

    @Test
    void epochLogsDecode() throws Exception {
        var p = seqpool.api.common.Address.fromHex("0x" + "11".repeat(20));
        var q = seqpool.api.common.Address.fromHex("0x" + "22".repeat(20));
        L1Log committed = new L1Log(L1Fixtures.INBOX, 5, 1, hash(), List.of(EpochEvent.COMMITTED,
                new Hash32(Bytes.wrap(L1Fixtures.word(4))), L1Fixtures.topicOf(p)),
                L1Fixtures.concat(List.of(L1Fixtures.word(31), L1Fixtures.word(40))));
        assertEquals(new EpochEvent.Committed(4, 31, 40, p), EpochEvent.decode(committed));
        L1Log recommitted = new L1Log(L1Fixtures.INBOX, 6, 0, hash(), List.of(EpochEvent.RECOMMITTED,
                new Hash32(Bytes.wrap(L1Fixtures.word(4))), L1Fixtures.topicOf(p), L1Fixtures.topicOf(q)),
                L1Fixtures.concat(List.of(L1Fixtures.word(1), L1Fixtures.word(35), L1Fixtures.word(40))));
        assertEquals(new EpochEvent.Recommitted(4, 1, 35, 40, p, q), EpochEvent.decode(recommitted));
        L1Log wrong = new L1Log(L1Fixtures.INBOX, 6, 0, hash(), List.of(EpochEvent.COMMITTED), Bytes.EMPTY);
        assertThrows(L1DataException.class, () -> EpochEvent.decode(wrong));
    }
}
