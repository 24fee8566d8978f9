package seqpool.sequencer.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.utils.Numeric;

import seqpool.api.common.Bytes;

/** The anvil methods the engine uses, typed. Not thread-safe for writes (the engine calls it from one thread). */
final class AnvilChain {
    private final AnvilRpc rpc;

    AnvilChain(AnvilRpc rpc) {
        this.rpc = rpc;
    }

    AnvilRpc rpc() {
        return rpc;
    }

    long chainId() throws IOException, AnvilRpcException {
        return Quantity.number(rpc.call("eth_chainId"));
    }

    /**
     * {@code eth_sendRawTransaction} for each transaction, in order: batches of {@code chunk} calls, one after the
     * other. Anvil runs the calls of a batch concurrently; up to 64 of them entered its pool in batch order in every
     * trial, 200 did not (measured with anvil 1.7.1), so the engine uses small chunks and checks the order it gets.
     * Returns one reply per transaction (the hash, or anvil's refusal).
     */
    List<RpcReply> sendRaw(List<Bytes> transactions, int chunk) throws IOException {
        List<RpcReply> replies = new ArrayList<>(transactions.size());
        for (int from = 0; from < transactions.size(); from += chunk) {
            List<RpcCall> calls = new ArrayList<>(chunk);
            for (Bytes raw : transactions.subList(from, Math.min(transactions.size(), from + chunk))) {
                calls.add(RpcCall.of("eth_sendRawTransaction", Numeric.toHexString(raw.toArray())));
            }
            replies.addAll(rpc.batch(calls));
        }
        return replies;
    }

    /** Mines one block with exactly this timestamp (seconds) from the transactions in anvil's pool. */
    void mine(long timestampSeconds) throws IOException, AnvilRpcException {
        rpc.call("evm_mine", timestampSeconds);
    }

    HeadBlock latest() throws IOException, AnvilRpcException {
        return HeadBlock.fromJson(rpc.call("eth_getBlockByNumber", "latest", false));
    }

    long blockNumber() throws IOException, AnvilRpcException {
        return Quantity.number(rpc.call("eth_blockNumber"));
    }

    /** Transactions in anvil's pool (pending and queued). */
    long poolSize() throws IOException, AnvilRpcException {
        Object status = rpc.call("txpool_status");
        if (!(status instanceof java.util.Map<?, ?> m)) {
            throw new IOException("txpool_status answered " + status);
        }
        return Quantity.number(m.get("pending")) + Quantity.number(m.get("queued"));
    }

    /** Empties anvil's pool (transactions accepted but not mined). */
    void dropPool() throws IOException, AnvilRpcException {
        rpc.call("anvil_dropAllTransactions");
    }

    /** Removes the last {@code depth} blocks and returns to the state after the block below them. */
    void rollback(long depth) throws IOException, AnvilRpcException {
        rpc.call("anvil_rollback", depth);
    }

    /**
     * anvil's fee manager is not rolled back by {@code anvil_rollback} (nor by {@code evm_revert}): without this, the
     * next block's base fee follows the removed block and its state root differs from every other node's.
     */
    void setNextBaseFee(BigInteger baseFee) throws IOException, AnvilRpcException {
        rpc.call("anvil_setNextBlockBaseFeePerGas", Quantity.hex(baseFee));
    }
}
