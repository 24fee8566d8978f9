package seqpool.sequencer.derive;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * A {@code BatchInbox.BatchAppended} event: the header fields BatchInbox accepted (after checking continuity, the data
 * commitment and the pool signature), its {@code headerHash}, and where it sits on L1.
 */
public record BatchEvent(long index, long firstL2Block, long lastL2Block, Hash32 blockHashes, Hash32 postStateRoot,
        int dataKind, Hash32 dataCommitment, Hash32 headerHash, long l1Block, Hash32 transactionHash) {
    public static final Hash32 TOPIC = Keccak.keccak256(Bytes.utf8(
            "BatchAppended(uint64,uint64,uint64,bytes32,bytes32,uint8,bytes32,bytes32)"));
    public static final int DATA_CALLDATA = 0;
    public static final int DATA_BLOBS = 1;

    /** Decodes a log of the inbox; the caller selected it by {@link #TOPIC}. */
    public static BatchEvent decode(L1Log log) throws L1DataException {
        String where = "BatchAppended log " + log.logIndex() + " of L1 block " + log.blockNumber();
        if (log.topics().size() != 2 || !log.topics().get(0).equals(TOPIC)) {
            throw new L1DataException(where + ": not a BatchAppended log (" + log.topics().size() + " topics)");
        }
        AbiWords d = new AbiWords(log.data());
        if (d.size() != 7 * AbiWords.WORD) {
            throw new L1DataException(where + ": " + d.size() + " bytes of data, the event has 7 words");
        }
        long index = new AbiWords(log.topics().get(1).value()).uint(0, 64, where + " index");
        return new BatchEvent(index, d.uint(0, 64, where + " firstL2Block"), d.uint(1, 64, where + " lastL2Block"),
                d.bytes32(2, where), d.bytes32(3, where), (int) d.uint(4, 8, where + " dataKind"), d.bytes32(5, where),
                d.bytes32(6, where), log.blockNumber(), log.transactionHash());
    }

    public long blockCount() {
        return lastL2Block - firstL2Block + 1;
    }

    public String kindName() {
        return dataKind == DATA_CALLDATA ? "calldata" : dataKind == DATA_BLOBS ? "blobs" : "kind " + dataKind;
    }
}
