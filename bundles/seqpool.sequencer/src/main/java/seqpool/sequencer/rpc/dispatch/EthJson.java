package seqpool.sequencer.rpc.dispatch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.FeeHistory;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcHeader;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;
import seqpool.sequencer.rpc.RpcTransaction;
import seqpool.sequencer.rpc.json.Json;

/**
 * The result shapes of the execution-apis schemas ({@code src/schemas/block.yaml}, {@code transaction.yaml},
 * {@code receipt.yaml}, {@code fee_market.yaml}): quantities as {@code uint} hex, byte strings as {@code bytes}, fields
 * of later forks only when the block has them.
 */
public final class EthJson {
    private EthJson() {
    }

    public static Json quantity(long v) {
        return Json.str(Hex.quantity(v));
    }

    public static Json quantity(BigInteger v) {
        return v == null ? Json.NULL : Json.str(Hex.quantity(v));
    }

    public static Json data(Bytes b) {
        return Json.str(Hex.data(b));
    }

    public static Json hash(Hash32 h) {
        return h == null ? Json.NULL : data(h.value());
    }

    public static Json address(Address a) {
        return a == null ? Json.NULL : Json.str(a.toHex());
    }

    /** The header fields ({@code newHeads} payload; a block adds size, transactions, uncles, withdrawals). */
    public static Json.Obj header(RpcHeader h) {
        return headerFields(h).build();
    }

    public static Json.Obj block(RpcBlock b, boolean fullTransactions) {
        Json.ObjBuilder o = headerFields(b.header());
        o.put("size", quantity(b.size()));
        List<Json> txs = new ArrayList<>(b.transactions().size());
        for (RpcTransaction t : b.transactions()) {
            txs.add(fullTransactions ? transaction(t) : hash(t.hash()));
        }
        o.put("transactions", Json.arr(txs));
        o.put("uncles", Json.arr(List.of()));
        if (b.header().withdrawalsRoot() != null) {
            o.put("withdrawals", Json.arr(List.of()));
        }
        return o.build();
    }

    private static Json.ObjBuilder headerFields(RpcHeader h) {
        Json.ObjBuilder o = Json.obj()
                .put("number", quantity(h.number()))
                .put("hash", hash(h.hash()))
                .put("parentHash", hash(h.parentHash()))
                .put("sha3Uncles", hash(RpcHeader.EMPTY_OMMERS_HASH))
                .put("miner", address(h.miner()))
                .put("stateRoot", hash(h.stateRoot()))
                .put("transactionsRoot", hash(h.transactionsRoot()))
                .put("receiptsRoot", hash(h.receiptsRoot()))
                .put("logsBloom", data(h.logsBloom()))
                .put("difficulty", quantity(0))
                .put("gasLimit", quantity(h.gasLimit()))
                .put("gasUsed", quantity(h.gasUsed()))
                .put("timestamp", quantity(h.timestamp()))
                .put("extraData", data(h.extraData()))
                .put("mixHash", hash(h.mixHash()))
                .put("nonce", data(h.nonce()));
        if (h.baseFeePerGas() != null) {
            o.put("baseFeePerGas", quantity(h.baseFeePerGas()));
        }
        if (h.withdrawalsRoot() != null) {
            o.put("withdrawalsRoot", hash(h.withdrawalsRoot()));
        }
        if (h.blobGasUsed() != null) {
            o.put("blobGasUsed", quantity(h.blobGasUsed()));
        }
        if (h.excessBlobGas() != null) {
            o.put("excessBlobGas", quantity(h.excessBlobGas()));
        }
        if (h.parentBeaconBlockRoot() != null) {
            o.put("parentBeaconBlockRoot", hash(h.parentBeaconBlockRoot()));
        }
        if (h.requestsHash() != null) {
            o.put("requestsHash", hash(h.requestsHash()));
        }
        return o;
    }

    /** {@code TransactionInfo}: block hash, number and index are null while the transaction is pending (as geth). */
    public static Json.Obj transaction(RpcTransaction t) {
        RpcTransaction.Inclusion in = t.inclusion();
        Json.ObjBuilder o = Json.obj()
                .put("blockHash", in == null ? Json.NULL : hash(in.blockHash()))
                .put("blockNumber", in == null ? Json.NULL : quantity(in.blockNumber()));
        if (in != null) {
            o.put("blockTimestamp", quantity(in.blockTimestamp()));
        }
        o.put("hash", hash(t.hash()))
                .put("transactionIndex", in == null ? Json.NULL : quantity(in.index()))
                .put("type", quantity(t.type()))
                .put("nonce", quantity(t.nonce()))
                .put("from", address(t.from()))
                .put("to", address(t.to()))
                .put("gas", quantity(t.gas()))
                .put("value", quantity(t.value()))
                .put("input", data(t.input()))
                .put("gasPrice", quantity(t.gasPrice()));
        if (t.type() >= 2) {
            o.put("maxFeePerGas", quantity(t.maxFeePerGas()));
            o.put("maxPriorityFeePerGas", quantity(t.maxPriorityFeePerGas()));
        }
        if (t.type() == 3) {
            o.put("maxFeePerBlobGas", quantity(t.maxFeePerBlobGas()));
            o.put("blobVersionedHashes", Json.arr(t.blobVersionedHashes().stream().map(EthJson::hash).toList()));
        }
        if (t.type() >= 1) {
            o.put("accessList", accessList(t.accessList()));
        }
        if (t.chainId() != null) {
            o.put("chainId", quantity(t.chainId()));
        }
        o.put("v", quantity(t.v()));
        o.put("r", quantity(t.r()));
        o.put("s", quantity(t.s()));
        if (t.type() >= 1) {
            o.put("yParity", quantity(t.v()));
        }
        return o.build();
    }

    private static Json accessList(List<RpcTransaction.AccessListEntry> list) {
        List<Json> out = new ArrayList<>(list.size());
        for (RpcTransaction.AccessListEntry e : list) {
            out.add(Json.obj().put("address", address(e.address()))
                    .put("storageKeys", Json.arr(e.storageKeys().stream().map(EthJson::hash).toList())).build());
        }
        return Json.arr(out);
    }

    public static Json.Obj receipt(RpcReceipt r) {
        return Json.obj()
                .put("transactionHash", hash(r.transactionHash()))
                .put("transactionIndex", quantity(r.transactionIndex()))
                .put("blockHash", hash(r.blockHash()))
                .put("blockNumber", quantity(r.blockNumber()))
                .put("from", address(r.from()))
                .put("to", address(r.to()))
                .put("cumulativeGasUsed", quantity(r.cumulativeGasUsed()))
                .put("gasUsed", quantity(r.gasUsed()))
                .put("effectiveGasPrice", quantity(r.effectiveGasPrice()))
                .put("contractAddress", address(r.contractAddress()))
                .put("logs", Json.arr(r.logs().stream().map(EthJson::log).toList()))
                .put("logsBloom", data(r.logsBloom()))
                .put("type", quantity(r.type()))
                .put("status", quantity(r.success() ? 1 : 0))
                .build();
    }

    public static Json.Obj log(RpcLog l) {
        return Json.obj()
                .put("address", address(l.address()))
                .put("topics", Json.arr(l.topics().stream().map(EthJson::hash).toList()))
                .put("data", data(l.data()))
                .put("blockNumber", quantity(l.blockNumber()))
                .put("blockHash", hash(l.blockHash()))
                .put("blockTimestamp", quantity(l.blockTimestamp()))
                .put("transactionHash", hash(l.transactionHash()))
                .put("transactionIndex", quantity(l.transactionIndex()))
                .put("logIndex", quantity(l.logIndex()))
                .put("removed", Json.bool(l.removed()))
                .build();
    }

    public static Json.Obj feeHistory(FeeHistory f) {
        Json.ObjBuilder o = Json.obj()
                .put("oldestBlock", quantity(f.oldestBlock()))
                .put("baseFeePerGas", Json.arr(f.baseFeePerGas().stream().map(EthJson::quantity).toList()))
                .put("gasUsedRatio", Json.arr(f.gasUsedRatio().stream().map(Json.Num::of).toList()));
        if (f.reward() != null) {
            List<Json> rows = new ArrayList<>();
            for (List<BigInteger> row : f.reward()) {
                rows.add(Json.arr(row.stream().map(EthJson::quantity).toList()));
            }
            o.put("reward", Json.arr(rows));
        }
        return o.build();
    }

    /** A subscription notification: {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{...}}}. */
    public static Json.Obj notification(String subscriptionId, Json result) {
        return Json.obj().put("jsonrpc", "2.0").put("method", "eth_subscription")
                .put("params", Json.obj().put("subscription", subscriptionId).put("result", result).build())
                .build();
    }
}
