package seqpool.sequencer.embedded;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * An included transaction as {@code eth_getTransactionByHash} shows it: the decoded transaction (type, nonce, fees,
 * recipient, value, input, access list, v, r, s), its sender and where it sits. {@code effectiveGasPrice} is what
 * JSON-RPC reports as {@code gasPrice} for an EIP-1559 transaction.
 */
public record TxInfo(DecodedTx transaction, Address from, long blockNumber, Hash32 blockHash, int index,
        BigInteger effectiveGasPrice) {
}
