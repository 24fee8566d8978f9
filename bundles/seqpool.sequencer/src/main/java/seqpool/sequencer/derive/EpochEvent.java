package seqpool.sequencer.derive;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/** A {@code SequencerSet} event: an epoch committed, or the rest of the current epoch handed to another producer. */
public sealed interface EpochEvent {
    Hash32 COMMITTED = Keccak.keccak256(Bytes.utf8("EpochCommitted(uint64,uint64,uint64,address)"));
    Hash32 RECOMMITTED = Keccak.keccak256(Bytes.utf8(
            "EpochRecommitted(uint64,uint32,uint64,uint64,address,address)"));

    long epochId();

    /** {@code EpochCommitted(id, firstL2Block, lastL2Block, producer)}. */
    record Committed(long epochId, long firstL2Block, long lastL2Block, Address producer) implements EpochEvent {
    }

    /** {@code EpochRecommitted(id, rotation, fromL2Block, lastL2Block, oldProducer, newProducer)}. */
    record Recommitted(long epochId, long rotation, long fromL2Block, long lastL2Block, Address oldProducer,
            Address newProducer) implements EpochEvent {
    }

    static EpochEvent decode(L1Log log) throws L1DataException {
        String where = "SequencerSet log " + log.logIndex() + " of L1 block " + log.blockNumber();
        var t = log.topics();
        AbiWords d = new AbiWords(log.data());
        if (t.size() == 3 && t.get(0).equals(COMMITTED) && d.size() == 2 * AbiWords.WORD) {
            return new Committed(topic(t.get(1)).uint(0, 64, where + " id"), d.uint(0, 64, where + " firstL2Block"),
                    d.uint(1, 64, where + " lastL2Block"), topic(t.get(2)).address(0, where + " producer"));
        }
        if (t.size() == 4 && t.get(0).equals(RECOMMITTED) && d.size() == 3 * AbiWords.WORD) {
            return new Recommitted(topic(t.get(1)).uint(0, 64, where + " id"), d.uint(0, 32, where + " rotation"),
                    d.uint(1, 64, where + " fromL2Block"), d.uint(2, 64, where + " lastL2Block"),
                    topic(t.get(2)).address(0, where + " oldProducer"),
                    topic(t.get(3)).address(0, where + " newProducer"));
        }
        throw new L1DataException(where + ": neither EpochCommitted nor EpochRecommitted");
    }

    private static AbiWords topic(Hash32 h) {
        return new AbiWords(h.value());
    }
}
