package seqpool.api.sequencer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/** A signed Ethereum transaction as received (raw RLP / typed envelope), with its hash, sender and nonce decoded. */
public record L2Transaction(Bytes raw, Hash32 hash, Address from, long nonce) {
    public L2Transaction {
        if (raw == null || raw.size() == 0 || hash == null || from == null || nonce < 0) {
            throw new IllegalArgumentException("invalid transaction");
        }
    }
}
