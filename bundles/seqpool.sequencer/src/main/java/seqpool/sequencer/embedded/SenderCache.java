package seqpool.sequencer.embedded;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import seqpool.api.common.Hash32;

/**
 * Recovered transactions by hash, so that a transaction's signature is recovered once: at mempool admission
 * ({@code check}), then found again when the block that includes it is produced. Bounded (the oldest entry goes first);
 * included transactions are dropped. The key is {@code keccak256(raw)}, so an entry can only match the same bytes.
 * Thread-safe.
 */
final class SenderCache {
    private final Map<Hash32, RecoveredTx> entries;

    SenderCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash32, RecoveredTx> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized RecoveredTx get(Hash32 hash) {
        return entries.get(hash);
    }

    synchronized void put(RecoveredTx tx) {
        entries.put(tx.tx().hash(), tx);
    }

    synchronized void removeAll(Collection<Hash32> hashes) {
        for (Hash32 h : hashes) {
            entries.remove(h);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
