package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Bytes;

/**
 * The transaction rules of the embedded engine (docs/sequencer.md, "Embedded engine"). Pure functions; the
 * {@link BlockExecutor} applies the execution-time ones.
 */
final class TxRules {
    /** Gas of every transaction (a plain transfer). */
    static final long TX_GAS = 21_000;
    /** EIP-2028 calldata costs per byte. */
    static final long DATA_ZERO_GAS = 4;
    static final long DATA_NONZERO_GAS = 16;
    /** EIP-2930 access-list costs. */
    static final long ACCESS_ADDRESS_GAS = 2_400;
    static final long ACCESS_KEY_GAS = 1_900;

    private TxRules() {
    }

    /** The gas a transaction uses: 21,000 + calldata + access list (no code runs, so nothing else). */
    static long intrinsicGas(DecodedTx tx) {
        return intrinsicGas(tx.data(), tx.accessList());
    }

    static long intrinsicGas(Bytes data, List<AccessListEntry> accessList) {
        long gas = TX_GAS;
        int nonZero = 0;
        int size = data.size();
        for (int i = 0; i < size; i++) {
            if (data.get(i) != 0) {
                nonZero++;
            }
        }
        gas += (size - nonZero) * DATA_ZERO_GAS + nonZero * DATA_NONZERO_GAS;
        for (AccessListEntry e : accessList) {
            gas += ACCESS_ADDRESS_GAS + e.storageKeys().size() * ACCESS_KEY_GAS;
        }
        return gas;
    }

    /** Rules that depend on the transaction and the engine's fixed parameters only (checked before recovery). */
    static void checkStateless(DecodedTx tx, long blockGasLimit) throws InvalidTxException {
        if (tx.to() == null) {
            throw new InvalidTxException(Rejection.rule(Rejection.CONTRACT_CREATION
                    + " (no code runs here: a transaction only moves value to an address)"));
        }
        if (tx.gasLimit() > blockGasLimit) {
            throw new InvalidTxException(Rejection.rule(Rejection.GAS_LIMIT + ": gas " + tx.gasLimit()
                    + ", block gas limit " + blockGasLimit));
        }
        if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
            throw new InvalidTxException(Rejection.rule(Rejection.TIP_ABOVE_FEE_CAP + ": maxPriorityFeePerGas: "
                    + tx.maxPriorityFeePerGas() + ", maxFeePerGas: " + tx.maxFeePerGas()));
        }
        long intrinsic = intrinsicGas(tx);
        if (tx.gasLimit() < intrinsic) {
            throw new InvalidTxException(Rejection.rule(Rejection.INTRINSIC_GAS + ": gas " + tx.gasLimit()
                    + ", minimum needed " + intrinsic));
        }
    }

    /**
     * Mempool admission against the latest state: the fee cap covers the next block's base fee, the nonce is not below
     * the sender's (a gap is allowed: the mempool queues it), and the balance covers value + gas limit × fee cap.
     */
    static void checkAdmission(RecoveredTx rtx, Account sender, BigInteger nextBaseFee) throws InvalidTxException {
        DecodedTx tx = rtx.tx();
        if (tx.maxFeePerGas().compareTo(nextBaseFee) < 0) {
            throw new InvalidTxException(Rejection.feeCapTooLow(rtx.sender(), tx.maxFeePerGas(), nextBaseFee));
        }
        if (tx.nonce() < sender.nonce()) {
            throw new InvalidTxException(Rejection.nonce(true, rtx.sender(), tx.nonce(), sender.nonce()));
        }
        BigInteger want = maxCost(tx);
        if (sender.balance().compareTo(want) < 0) {
            throw new InvalidTxException(Rejection.insufficientFunds(rtx.sender(), sender.balance(), want));
        }
    }

    /** What the sender must hold: value + gas limit × fee cap (geth's balance check). */
    static BigInteger maxCost(DecodedTx tx) {
        return BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas()).add(tx.value());
    }

    /** The price per gas paid: min(fee cap, base fee + tip cap); for types 0 and 1 the gas price. */
    static BigInteger effectiveGasPrice(DecodedTx tx, BigInteger baseFee) {
        return tx.maxFeePerGas().min(baseFee.add(tx.maxPriorityFeePerGas()));
    }
}
