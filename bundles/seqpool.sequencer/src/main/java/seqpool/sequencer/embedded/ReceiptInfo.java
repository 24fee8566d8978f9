package seqpool.sequencer.embedded;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A transaction receipt as {@code eth_getTransactionReceipt} shows it. Transfers run no code, so {@code logs} is
 * always the empty list, {@link #logsBloom()} is 256 zero bytes and {@code contractAddress} is null; {@code status}
 * is 1 (an included transfer cannot fail).
 */
public record ReceiptInfo(Hash32 transactionHash, int transactionIndex, long blockNumber, Hash32 blockHash,
        Address from, Address to, int type, int status, long cumulativeGasUsed, long gasUsed,
        BigInteger effectiveGasPrice) {
    /** The logs bloom of every receipt and block: 256 zero bytes. */
    public static final Bytes ZERO_BLOOM = Bytes.wrap(new byte[256]);

    public Bytes logsBloom() {
        return ZERO_BLOOM;
    }
}
