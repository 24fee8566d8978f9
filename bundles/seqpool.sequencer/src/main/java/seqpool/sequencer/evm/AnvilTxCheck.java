package seqpool.sequencer.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.TxCheck;

/**
 * {@link seqpool.api.sequencer.ExecutionEngine#check}: the stateless rules ({@link TxRules}), then the sender's nonce
 * and balance at anvil's latest block (one batch request) and the next block's base fee (computed from the head, as
 * anvil computes it). Never throws. Thread-safe.
 */
final class AnvilTxCheck {
    private final AnvilRpc rpc;
    private final long chainId;
    private final long blockGasLimit;
    private final Supplier<HeadBlock> head;
    private final Supplier<String> unavailable;

    /** {@code unavailable} says why anvil cannot be asked (e.g. it exited), or null when it can. */
    AnvilTxCheck(AnvilRpc rpc, long chainId, long blockGasLimit, Supplier<HeadBlock> head, Supplier<String> unavailable) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.blockGasLimit = blockGasLimit;
        this.head = head;
        this.unavailable = unavailable;
    }

    TxCheck check(Bytes raw) {
        try {
            DecodedTx tx = TxRules.decode(raw, chainId, blockGasLimit);
            checkState(tx);
            return new TxCheck.Valid(tx.toL2(), tx.maxFeePerGas());
        } catch (TxRefusal r) {
            return r.toCheck();
        } catch (RuntimeException e) {
            return new TxCheck.Invalid(TxRefusal.INTERNAL, "internal error: " + e);
        }
    }

    private void checkState(DecodedTx tx) throws TxRefusal {
        BigInteger baseFee = head.get().nextBaseFee();
        if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
            throw TxRefusal.invalid("max fee per gas less than block base fee: address " + tx.from().toHex()
                    + ", maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + baseFee);
        }
        String down = unavailable.get();
        if (down != null) {
            throw new TxRefusal(TxRefusal.INTERNAL, "execution engine unavailable: " + down);
        }
        List<RpcReply> replies;
        try {
            String address = Quantity.data(tx.from());
            replies = rpc.batch(List.of(RpcCall.of("eth_getTransactionCount", address, "latest"),
                    RpcCall.of("eth_getBalance", address, "latest")));
        } catch (IOException e) {
            String reason = unavailable.get();
            throw new TxRefusal(TxRefusal.INTERNAL, "execution engine unavailable: "
                    + (reason != null ? reason : e.getMessage()));
        }
        for (RpcReply r : replies) {
            if (r instanceof RpcReply.Failure f) {
                throw new TxRefusal(TxRefusal.INTERNAL, "execution engine failed: " + f.message());
            }
        }
        long stateNonce = Quantity.number(((RpcReply.Result) replies.get(0)).value());
        BigInteger balance = Quantity.big(((RpcReply.Result) replies.get(1)).value());
        if (tx.nonce() < stateNonce) {
            throw TxRefusal.invalid("nonce too low: address " + tx.from().toHex() + ", tx: " + tx.nonce() + " state: "
                    + stateNonce);
        }
        BigInteger cost = tx.maxCost();
        if (balance.compareTo(cost) < 0) {
            throw TxRefusal.invalid("insufficient funds for gas * price + value: address " + tx.from().toHex()
                    + " have " + balance + " want " + cost);
        }
    }
}
