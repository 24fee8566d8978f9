package seqpool.sequencer.derive;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * The arguments of a {@code BatchInbox.appendBatch(header, data, poolSignature)} call, decoded strictly from the
 * transaction's input, with the header hash and data commitment BatchInbox computes from them (BatchInbox.sol:
 * {@code _headerHash}, {@code _dataCommitment}).
 */
public record AppendBatchCall(long index, long firstL2Block, long lastL2Block, Hash32 blockHashes,
        Hash32 postStateRoot, int dataKind, List<Hash32> dataHashes, Bytes data) {
    public static final Bytes SELECTOR = Keccak.keccak256(Bytes.utf8(
            "appendBatch((uint64,uint64,uint64,bytes32,bytes32,uint8,bytes32[]),bytes,bytes)")).value().slice(0, 4);
    /** More than any L1 fork lets one transaction carry. */
    static final int MAX_DATA_HASHES = 64;

    public AppendBatchCall {
        dataHashes = List.copyOf(dataHashes);
    }

    public static AppendBatchCall decode(Bytes input) throws L1DataException {
        if (input.size() < 4 || !input.startsWith(SELECTOR)) {
            throw new L1DataException("the transaction is not a direct appendBatch call (selector "
                    + (input.size() < 4 ? "missing" : "0x" + input.slice(0, 4).toHex()) + ")");
        }
        AbiWords args = new AbiWords(input.slice(4, input.size()));
        AbiWords h = args.at(args.offset(0, "header"), "header");
        int count = h.lengthAt(h.offset(6, "dataHashes"), "dataHashes");
        if (count > MAX_DATA_HASHES) {
            throw new L1DataException("appendBatch carries " + count + " data hashes");
        }
        AbiWords hashes = h.at(h.offset(6, "dataHashes") + AbiWords.WORD, "dataHashes");
        List<Hash32> dataHashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dataHashes.add(hashes.bytes32(i, "dataHashes[" + i + "]"));
        }
        args.dynamicBytes(2, "poolSignature"); // checked by BatchInbox; read only to refuse a truncated call
        return new AppendBatchCall(h.uint(0, 64, "header.index"), h.uint(1, 64, "header.firstL2Block"),
                h.uint(2, 64, "header.lastL2Block"), h.bytes32(3, "header.blockHashesCommitment"),
                h.bytes32(4, "header.postStateRoot"), (int) h.uint(5, 8, "header.dataKind"), dataHashes,
                args.dynamicBytes(1, "data"));
    }

    /** {@code keccak256(abi.encode(index, first, last, blockHashes, postStateRoot, dataKind, dataHashes))}. */
    public Hash32 headerHash() {
        byte[][] parts = new byte[8 + dataHashes.size()][];
        parts[0] = AbiWords.uintWord(index);
        parts[1] = AbiWords.uintWord(firstL2Block);
        parts[2] = AbiWords.uintWord(lastL2Block);
        parts[3] = blockHashes.value().toArray();
        parts[4] = postStateRoot.value().toArray();
        parts[5] = AbiWords.uintWord(dataKind);
        parts[6] = AbiWords.uintWord(7L * AbiWords.WORD);
        parts[7] = AbiWords.uintWord(dataHashes.size());
        for (int i = 0; i < dataHashes.size(); i++) {
            parts[8 + i] = dataHashes.get(i).value().toArray();
        }
        return new Hash32(Bytes.wrap(Keccak.digest(parts)));
    }

    /** {@code keccak256(abi.encodePacked(dataHashes))}, the event's {@code dataCommitment}. */
    public Hash32 dataCommitment() {
        return new Hash32(Bytes.wrap(Keccak.digest(dataHashes.stream().map(h -> h.value().toArray())
                .toArray(byte[][]::new))));
    }

    /** Why this call is not the one {@code event} reports, if it is not. */
    public List<String> differencesFrom(BatchEvent e) {
        List<String> out = new ArrayList<>();
        diff(out, "index", index, e.index());
        diff(out, "firstL2Block", firstL2Block, e.firstL2Block());
        diff(out, "lastL2Block", lastL2Block, e.lastL2Block());
        diff(out, "blockHashesCommitment", blockHashes, e.blockHashes());
        diff(out, "postStateRoot", postStateRoot, e.postStateRoot());
        diff(out, "dataKind", dataKind, e.dataKind());
        diff(out, "dataCommitment", dataCommitment(), e.dataCommitment());
        diff(out, "headerHash", headerHash(), e.headerHash());
        return out;
    }

    private static void diff(List<String> out, String field, Object call, Object event) {
        if (!call.equals(event)) {
            out.add(field + " " + call + " in the call, " + event + " in the event");
        }
    }

    @Override
    public String toString() {
        return "appendBatch(" + index + ", " + firstL2Block + ".." + lastL2Block + ", kind " + dataKind + ", "
                + dataHashes.size() + " hashes, " + data.size() + " data bytes)";
    }
}
