package seqpool.sequencer.backend;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcHeader;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;
import seqpool.sequencer.rpc.RpcTransaction;

/**
 * anvil's JSON answers (parsed into maps, lists and strings) as the JSON-RPC server's records. anvil speaks the same
 * execution-apis shapes, so this is a field-by-field reading; a field anvil leaves out of an older block type is
 * read as absent. Stateless.
 */
final class AnvilRecords {
    private AnvilRecords() {
    }

    static RpcBlock block(Map<?, ?> m) {
        RpcHeader h = new RpcHeader(num(m, "number"), hash(m, "hash"), hash(m, "parentHash"), num(m, "timestamp"),
                addr(m, "miner"), hash(m, "stateRoot"), hash(m, "transactionsRoot"), hash(m, "receiptsRoot"),
                bytes(m, "logsBloom"), num(m, "gasLimit"), num(m, "gasUsed"), bytes(m, "extraData"),
                m.get("mixHash") == null ? Hash32.ZERO : hash(m, "mixHash"),
                m.get("nonce") == null ? RpcHeader.ZERO_NONCE : bytes(m, "nonce"), bigOrNull(m, "baseFeePerGas"),
                hashOrNull(m, "withdrawalsRoot"), numOrNull(m, "blobGasUsed"), numOrNull(m, "excessBlobGas"),
                hashOrNull(m, "parentBeaconBlockRoot"), hashOrNull(m, "requestsHash"));
        List<RpcTransaction> txs = new ArrayList<>();
        for (Object t : (List<?>) m.get("transactions")) {
            if (t instanceof Map<?, ?> tm) {
                txs.add(transaction(tm));
            }
        }
        return new RpcBlock(h, num(m, "size"), txs);
    }

    static RpcTransaction transaction(Map<?, ?> m) {
        int type = (int) num(m, "type");
        List<RpcTransaction.AccessListEntry> access = null;
        if (m.get("accessList") instanceof List<?> l) {
            access = new ArrayList<>();
            for (Object o : l) {
                Map<?, ?> e = (Map<?, ?>) o;
                List<Hash32> keys = new ArrayList<>();
                for (Object k : (List<?>) e.get("storageKeys")) {
                    keys.add(Hash32.fromHex((String) k));
                }
                access.add(new RpcTransaction.AccessListEntry(addr(e, "address"), keys));
            }
        }
        RpcTransaction.Inclusion inclusion = m.get("blockHash") == null ? null : new RpcTransaction.Inclusion(
                hash(m, "blockHash"), num(m, "blockNumber"), m.get("blockTimestamp") == null ? 0 : num(m, "blockTimestamp"),
                (int) num(m, "transactionIndex"));
        return new RpcTransaction(hash(m, "hash"), type, num(m, "nonce"), addr(m, "from"),
                m.get("to") == null ? null : addr(m, "to"), num(m, "gas"), big(m, "value"), bytes(m, "input"),
                big(m, "gasPrice"), bigOrNull(m, "maxFeePerGas"), bigOrNull(m, "maxPriorityFeePerGas"),
                bigOrNull(m, "maxFeePerBlobGas"), type >= 1 && access == null ? List.of() : access, null,
                m.get("chainId") == null ? null : num(m, "chainId"), big(m, "v"), big(m, "r"), big(m, "s"), inclusion);
    }

    static RpcReceipt receipt(Map<?, ?> m) {
        List<RpcLog> logs = new ArrayList<>();
        for (Object o : (List<?>) m.get("logs")) {
            logs.add(log((Map<?, ?>) o));
        }
        return new RpcReceipt(hash(m, "transactionHash"), (int) num(m, "transactionIndex"), hash(m, "blockHash"),
                num(m, "blockNumber"), addr(m, "from"), m.get("to") == null ? null : addr(m, "to"),
                num(m, "cumulativeGasUsed"), num(m, "gasUsed"), big(m, "effectiveGasPrice"),
                m.get("contractAddress") == null ? null : addr(m, "contractAddress"), logs, bytes(m, "logsBloom"),
                (int) num(m, "type"), num(m, "status") == 1);
    }

    static RpcLog log(Map<?, ?> m) {
        List<Hash32> topics = new ArrayList<>();
        for (Object t : (List<?>) m.get("topics")) {
            topics.add(Hash32.fromHex((String) t));
        }
        return new RpcLog(addr(m, "address"), topics, bytes(m, "data"), num(m, "blockNumber"), hash(m, "blockHash"),
                m.get("blockTimestamp") == null ? 0 : num(m, "blockTimestamp"), hash(m, "transactionHash"),
                (int) num(m, "transactionIndex"), (int) num(m, "logIndex"), Boolean.TRUE.equals(m.get("removed")));
    }

    static long num(Map<?, ?> m, String key) {
        return big(m, key).longValueExact();
    }

    static Long numOrNull(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : num(m, key);
    }

    static BigInteger big(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s) || !s.startsWith("0x")) {
            throw new IllegalArgumentException("anvil's answer lacks the quantity " + key);
        }
        return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
    }

    static BigInteger bigOrNull(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : big(m, key);
    }

    static Hash32 hash(Map<?, ?> m, String key) {
        return Hash32.fromHex((String) m.get(key));
    }

    static Hash32 hashOrNull(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : hash(m, key);
    }

    static Address addr(Map<?, ?> m, String key) {
        return Address.fromHex((String) m.get(key));
    }

    static Bytes bytes(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? Bytes.EMPTY : Bytes.fromHex((String) v);
    }
}
