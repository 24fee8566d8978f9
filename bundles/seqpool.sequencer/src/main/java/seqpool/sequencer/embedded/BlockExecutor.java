package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import seqpool.api.common.Address;

/**
 * Executes the transactions of one block on a private overlay of the committed accounts; nothing is committed here.
 * Per transaction, in this order: it fits the gas left in the block; its nonce is the sender's; its fee cap covers the
 * block's base fee; the sender holds value + gas limit × fee cap. Then the sender pays gas limit × effective price and
 * the value, gets the unused gas back at the same price (so it pays gas used × effective price), the recipient gets
 * the value, the fee recipient gets gas used × (effective price − base fee) and gas used × base fee is burned.
 * One block, one thread.
 */
final class BlockExecutor {
    /** What became of one transaction. */
    enum Outcome {
        INCLUDED, INVALID, DOES_NOT_FIT
    }

    /** One step's result: the outcome and, unless included, why. */
    record Step(Outcome outcome, Rejection rejection) {
        static final Step INCLUDED = new Step(Outcome.INCLUDED, null);
    }

    /** An included transaction with its receipt values. */
    record ExecutedTx(RecoveredTx rtx, long gasUsed, long cumulativeGasUsed, BigInteger effectiveGasPrice) {
    }

    private final Function<Address, Account> committed;
    private final BigInteger baseFee;
    private final Address coinbase;
    private final long gasLimit;
    private final Map<Address, Account> changes = new HashMap<>();
    private final Map<Address, Account> before = new HashMap<>();
    private final List<ExecutedTx> executed = new ArrayList<>();
    private long gasUsed;
    private BigInteger burned = BigInteger.ZERO;

    /** {@code committed} answers an account of the state before the block ({@code null} for none). */
    BlockExecutor(Function<Address, Account> committed, BigInteger baseFee, Address coinbase, long gasLimit) {
        this.committed = committed;
        this.baseFee = baseFee;
        this.coinbase = coinbase;
        this.gasLimit = gasLimit;
    }

    Step apply(RecoveredTx rtx) {
        DecodedTx tx = rtx.tx();
        if (tx.gasLimit() > gasLimit - gasUsed) {
            return new Step(Outcome.DOES_NOT_FIT, Rejection.rule(Rejection.GAS_LIMIT_REACHED + ": gas "
                    + tx.gasLimit() + ", left in the block " + (gasLimit - gasUsed)));
        }
        Address from = rtx.sender();
        Account sender = account(from);
        if (tx.nonce() != sender.nonce()) {
            return invalid(Rejection.nonce(tx.nonce() < sender.nonce(), from, tx.nonce(), sender.nonce()));
        }
        if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
            return invalid(Rejection.feeCapTooLow(from, tx.maxFeePerGas(), baseFee));
        }
        BigInteger want = TxRules.maxCost(tx);
        if (sender.balance().compareTo(want) < 0) {
            return invalid(Rejection.insufficientFunds(from, sender.balance(), want));
        }
        BigInteger price = TxRules.effectiveGasPrice(tx, baseFee);
        long used = TxRules.intrinsicGas(tx);
        BigInteger gas = BigInteger.valueOf(used);
        BigInteger paid = gas.multiply(price);
        set(from, new Account(sender.nonce() + 1, sender.balance().subtract(paid).subtract(tx.value())));
        Account recipient = account(tx.to());
        set(tx.to(), recipient.withBalance(recipient.balance().add(tx.value())));
        BigInteger tip = gas.multiply(price.subtract(baseFee));
        if (tip.signum() > 0) {
            Account miner = account(coinbase);
            set(coinbase, miner.withBalance(miner.balance().add(tip)));
        }
        burned = burned.add(gas.multiply(baseFee));
        gasUsed += used;
        executed.add(new ExecutedTx(rtx, used, gasUsed, price));
        return Step.INCLUDED;
    }

    /** Whether another transaction can still fit (a plain transfer needs 21,000). */
    boolean hasRoom() {
        return gasLimit - gasUsed >= TxRules.TX_GAS;
    }

    long gasUsed() {
        return gasUsed;
    }

    BigInteger baseFee() {
        return baseFee;
    }

    /** Wei burned by the block (gas used × base fee). */
    BigInteger burned() {
        return burned;
    }

    List<ExecutedTx> executed() {
        return Collections.unmodifiableList(executed);
    }

    /** The new value of every account the block touched ({@link Account#EMPTY} = deleted). */
    Map<Address, Account> changes() {
        return Collections.unmodifiableMap(changes);
    }

    /** The value before the block of every account it touched ({@link Account#EMPTY} = did not exist). */
    Map<Address, Account> before() {
        return Collections.unmodifiableMap(before);
    }

    private Account account(Address a) {
        Account changed = changes.get(a);
        if (changed != null) {
            return changed;
        }
        Account c = committed.apply(a);
        return c == null ? Account.EMPTY : c;
    }

    private void set(Address a, Account value) {
        if (!before.containsKey(a)) {
            before.put(a, account(a));
        }
        changes.put(a, value);
    }

    private static Step invalid(Rejection r) {
        return new Step(Outcome.INVALID, r);
    }
}
