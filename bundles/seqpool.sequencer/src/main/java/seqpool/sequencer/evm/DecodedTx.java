package seqpool.sequencer.evm;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Transaction;

/** A signed transaction that decoded and passed the checks that need no state ({@link TxRules}). */
record DecodedTx(Bytes raw, Hash32 hash, Address from, long nonce, long gasLimit, BigInteger maxFeePerGas,
        BigInteger value) {
    /** What the sender must hold: value + gas limit × max fee per gas. */
    BigInteger maxCost() {
        return BigInteger.valueOf(gasLimit).multiply(maxFeePerGas).add(value);
    }

    L2Transaction toL2() {
        return new L2Transaction(raw, hash, from, nonce);
    }
}
