package seqpool.sequencer.embedded;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/** An included transaction as stored by hash: its bytes, sender, position and receipt values. */
record StoredTx(Bytes raw, Address from, long blockNumber, int index, int status, long gasUsed,
        long cumulativeGasUsed, BigInteger effectiveGasPrice) {
}
