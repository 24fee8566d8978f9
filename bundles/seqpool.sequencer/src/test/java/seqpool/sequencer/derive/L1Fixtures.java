package seqpool.sequencer.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;

/**
 * L1 data as the contracts make it, without a chain: {@code appendBatch} inputs encoded by web3j's ABI encoder (an
 * implementation independent of the decoder under test), and the {@code BatchAppended} event BatchInbox would emit
 * for them. Test-only.
 */
public final class L1Fixtures {
    public static final Address INBOX = Address.fromHex("0x" + "1b".repeat(20));

    private L1Fixtures() {
    }

    public static Bytes appendBatchInput(BatchHeader h, Bytes data, Bytes signature) {
        List<Bytes32> hashes = h.data().hashes().stream().map(x -> new Bytes32(x.value().toArray())).toList();
        DynamicStruct header = new DynamicStruct(new Uint64(h.batchIndex()), new Uint64(h.firstL2Block()),
                new Uint64(h.lastL2Block()), new Bytes32(h.blockHashes().value().toArray()),
                new Bytes32(h.postStateRoot().value().toArray()), new Uint8(kind(h)),
                new DynamicArray<>(Bytes32.class, hashes));
        Function f = new Function("appendBatch", List.of(header, new DynamicBytes(data.toArray()),
                new DynamicBytes(signature.toArray())), List.of());
        return Bytes.fromHex(FunctionEncoder.encode(f));
    }

    public static Bytes input(BuiltBatch b) {
        return appendBatchInput(b.header(), b.calldata(), Bytes.wrap(new byte[65]));
    }

    /** The event BatchInbox emits for an accepted call, in L1 block {@code l1Block}. */
    public static BatchEvent event(BuiltBatch b, long l1Block, Hash32 tx) throws L1DataException {
        AppendBatchCall c = AppendBatchCall.decode(input(b));
        BatchHeader h = b.header();
        return new BatchEvent(h.batchIndex(), h.firstL2Block(), h.lastL2Block(), h.blockHashes(), h.postStateRoot(),
                kind(h), c.dataCommitment(), c.headerHash(), l1Block, tx);
    }

    /** The same event as a log (topics and data words), to test the log decoder. */
    public static L1Log log(BatchEvent e) {
        List<byte[]> words = new ArrayList<>();
        words.add(word(e.firstL2Block()));
        words.add(word(e.lastL2Block()));
        words.add(e.blockHashes().value().toArray());
        words.add(e.postStateRoot().value().toArray());
        words.add(word(e.dataKind()));
        words.add(e.dataCommitment().value().toArray());
        words.add(e.headerHash().value().toArray());
        return new L1Log(INBOX, e.l1Block(), 0, e.transactionHash(), List.of(BatchEvent.TOPIC,
                new Hash32(Bytes.wrap(word(e.index())))), concat(words));
    }

    static int kind(BatchHeader h) {
        return h.data().kind() == DataCommitment.Kind.BLOB ? 1 : 0;
    }

    public static byte[] word(long v) {
        byte[] w = new byte[32];
        byte[] b = BigInteger.valueOf(v).toByteArray();
        System.arraycopy(b, Math.max(0, b.length - 32), w, 32 - Math.min(32, b.length), Math.min(32, b.length));
        return w;
    }

    public static Hash32 topicOf(Address a) {
        byte[] w = new byte[32];
        System.arraycopy(a.value().toArray(), 0, w, 12, 20);
        return new Hash32(Bytes.wrap(w));
    }

    public static Bytes concat(List<byte[]> words) {
        Bytes out = Bytes.EMPTY;
        for (byte[] w : words) {
            out = out.concat(Bytes.wrap(w));
        }
        return out;
    }
}
