package seqpool.sequencer.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Turns raw transactions into recovered ones: from the {@link SenderCache} when {@code check} saw them, otherwise by
 * decoding, applying the stateless rules and recovering the sender. Thread-safe.
 */
final class TxPreparer {
    /** Below this many unseen transactions a block's senders are recovered on the calling thread. */
    static final int PARALLEL_MIN = 16;

    /** A candidate after preparation: the recovered transaction, or why it was refused. */
    record Prepared(Hash32 hash, RecoveredTx tx, Rejection rejection) {
    }

    private final TxDecoder decoder;
    private final SenderCache senders;
    private final long blockGasLimit;
    private final LongAdder recoveries = new LongAdder();

    TxPreparer(TxDecoder decoder, SenderCache senders, long blockGasLimit) {
        this.decoder = decoder;
        this.senders = senders;
        this.blockGasLimit = blockGasLimit;
    }

    /** One transaction, from the cache or recovered now. */
    Prepared prepare(Bytes raw) {
        Hash32 hash = TxDecoder.hashOf(raw);
        RecoveredTx cached = senders.get(hash);
        return cached != null ? new Prepared(hash, cached, null) : recover(raw, hash);
    }

    /** Every transaction; those the cache does not hold are recovered in parallel if {@code parallel}. */
    Prepared[] prepareAll(List<Bytes> raws, boolean parallel) {
        Prepared[] out = new Prepared[raws.size()];
        Hash32[] hashes = new Hash32[raws.size()];
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            hashes[i] = TxDecoder.hashOf(raws.get(i));
            RecoveredTx cached = senders.get(hashes[i]);
            if (cached != null) {
                out[i] = new Prepared(hashes[i], cached, null);
            } else {
                misses.add(i);
            }
        }
        IntStream work = misses.stream().mapToInt(Integer::intValue);
        if (parallel && misses.size() >= PARALLEL_MIN) {
            work = work.parallel();
        }
        work.forEach(i -> out[i] = recover(raws.get(i), hashes[i]));
        return out;
    }

    private Prepared recover(Bytes raw, Hash32 hash) {
        try {
            DecodedTx tx = decoder.decode(raw);
            TxRules.checkStateless(tx, blockGasLimit);
            recoveries.increment();
            return new Prepared(hash, new RecoveredTx(tx, decoder.recover(tx)), null);
        } catch (InvalidTxException e) {
            return new Prepared(hash, null, e.rejection());
        }
    }

    long recoveries() {
        return recoveries.sum();
    }
}
