package seqpool.sequencer.rpc.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.testing.FakeEthBackend;
import seqpool.sequencer.rpc.testing.Rpc;
import seqpool.sequencer.rpc.testing.Shapes;
import seqpool.sequencer.rpc.testing.Signer;
import seqpool.sequencer.rpc.testing.TestSession;

/** Every method against the fake chain: parameters, results in the execution-apis shapes, and errors. */
class EthMethodsTest {
    static final String EMITTER = FakeEthBackend.EMITTER.toHex();
    static final String REVERTER = FakeEthBackend.REVERTER.toHex();

    final Rpc rpc = new Rpc();
    final Signer alice = Signer.alice();
    final Signer bob = Signer.bob();

    String q(String s) {
        return "\"" + s + "\"";
    }

    @Test
    void clientMethods() {
        assertEquals("0x385", Rpc.str(rpc.result("eth_chainId", "[]")));
        assertEquals("901", Rpc.str(rpc.result("net_version", "[]")));
        assertEquals("seqpool/test/java-17", Rpc.str(rpc.result("web3_clientVersion", "[]")));
        assertEquals("0x0", Rpc.str(rpc.result("eth_blockNumber", null)));
        rpc.chain.mine();
        assertEquals("0x1", Rpc.str(rpc.result("eth_blockNumber", "[]")));
        assertEquals("0xb2d05e00", Rpc.str(rpc.result("eth_gasPrice", "[]")));
        assertEquals("0x77359400", Rpc.str(rpc.result("eth_maxPriorityFeePerGas", "[]")));
    }

    @Test
    void blocksByNumberTagAndHash() {
        rpc.chain.fund(alice.address(), BigInteger.TEN.pow(20));
        rpc.result("eth_sendRawTransaction", "[" + q(alice.transfer1559(0, EMITTER, BigInteger.ONE, "0x1234")) + "]");
        var mined = rpc.chain.mine();
        Json latest = rpc.result("eth_getBlockByNumber", "[\"latest\", false]");
        Shapes.block(latest);
        Json.Obj b = (Json.Obj) latest;
        assertEquals("0x1", Rpc.str(b.get("number")));
        assertEquals(mined.header().hash().value().toHex(), Rpc.str(b.get("hash")).substring(2));
        assertEquals(List.of(new Json.Str("0x" + mined.transactions().get(0).hash().value().toHex())),
                Shapes.items(b.get("transactions")));
        assertEquals("0x0", Rpc.str(b.get("difficulty")));
        assertEquals("0x3b9aca00", Rpc.str(b.get("baseFeePerGas")));

        Json full = rpc.result("eth_getBlockByNumber", "[\"0x1\", true]");
        Shapes.block(full);
        Json.Obj tx = (Json.Obj) Shapes.items(((Json.Obj) full).get("transactions")).get(0);
        assertEquals("0x2", Rpc.str(tx.get("type")));
        assertEquals(alice.address().toHex(), Rpc.str(tx.get("from")));

        assertEquals(latest, rpc.result("eth_getBlockByHash", "[" + q(Rpc.str(b.get("hash"))) + ", false]"));
        assertEquals(Json.NULL, rpc.result("eth_getBlockByHash", "[" + q("0x" + "00".repeat(31) + "01") + ", true]"));
        assertEquals(Json.NULL, rpc.result("eth_getBlockByNumber", "[\"0x99\", false]"));
        assertEquals("0x0", Rpc.str(((Json.Obj) rpc.result("eth_getBlockByNumber", "[\"earliest\", false]"))
                .get("number")));
        assertEquals("0x1", Rpc.str(((Json.Obj) rpc.result("eth_getBlockByNumber", "[\"pending\", false]"))
                .get("number")));
    }

    @Test
    void safeAndFinalizedAreUnknownUntilTheyExist() {
        rpc.chain.mine();
        rpc.chain.mine();
        assertEquals("Unknown block", rpc.errorMessage("eth_getBlockByNumber", "[\"safe\", false]", -39001));
        assertEquals("Unknown block", rpc.errorMessage("eth_getBlockByNumber", "[\"finalized\", false]", -39001));
        rpc.chain.setSafe(2);
        rpc.chain.setFinalized(1);
        assertEquals("0x2", Rpc.str(((Json.Obj) rpc.result("eth_getBlockByNumber", "[\"safe\", false]"))
                .get("number")));
        assertEquals("0x1", Rpc.str(((Json.Obj) rpc.result("eth_getBlockByNumber", "[\"finalized\", false]"))
                .get("number")));
    }

    @Test
    void blockParametersAreChecked() {
        assertEquals("missing value for required argument 1",
                rpc.errorMessage("eth_getBlockByNumber", "[\"latest\"]", -32602));
        assertTrue(rpc.errorMessage("eth_getBlockByNumber", "[\"latest\", \"true\"]", -32602)
                .startsWith("invalid argument 1: want a boolean"));
        assertTrue(rpc.errorMessage("eth_getBlockByNumber", "[\"0x01\", false]", -32602).contains("leading zero"));
        assertTrue(rpc.errorMessage("eth_getBlockByNumber", "[1, false]", -32602).contains("must be a string"));
        assertTrue(rpc.errorMessage("eth_getBlockByNumber", "[\"newest\", false]", -32602).contains("tag"));
        assertTrue(rpc.errorMessage("eth_getBlockByHash", "[\"0x1234\", false]", -32602).contains("want 64"));
        rpc.error("eth_getBlockByNumber", "[\"latest\", false, 1]", -32602);
    }

    @Test
    void sendingTransactionsAndTheirRejections() {
        rpc.chain.fund(alice.address(), BigInteger.TEN.pow(20));
        String raw = alice.transfer1559(0, bob.address().toHex(), BigInteger.valueOf(1000), "0x");
        String hash = Rpc.str(rpc.result("eth_sendRawTransaction", "[" + q(raw) + "]"));
        assertEquals(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(raw))), hash);

        assertEquals("already known", rpc.errorMessage("eth_sendRawTransaction", "[" + q(raw) + "]", -32000));
        String stale = alice.transfer1559(0, bob.address().toHex(), BigInteger.valueOf(999), "0x");
        assertTrue(rpc.errorMessage("eth_sendRawTransaction", "[" + q(stale) + "]", -32000)
                .startsWith("nonce too low"));
        String broke = bob.transferLegacy(0, alice.address().toHex(), BigInteger.ONE);
        assertEquals("insufficient funds for gas * price + value",
                rpc.errorMessage("eth_sendRawTransaction", "[" + q(broke) + "]", -32000));
        assertTrue(rpc.errorMessage("eth_sendRawTransaction", "[\"0x123\"]", -32602).contains("odd length"));
        rpc.error("eth_sendRawTransaction", "[\"0x12345678\"]", -32000);
        rpc.error("eth_sendRawTransaction", "[]", -32602);

        Json.Obj pending = (Json.Obj) rpc.result("eth_getTransactionByHash", "[" + q(hash) + "]");
        assertEquals(Json.NULL, pending.get("blockHash"));
        assertEquals(Json.NULL, pending.get("blockNumber"));
        assertEquals(Json.NULL, rpc.result("eth_getTransactionReceipt", "[" + q(hash) + "]"));
        assertEquals("0x1", Rpc.str(rpc.result("eth_getTransactionCount", "[" + q(alice.address().toHex())
                + ", \"pending\"]")));
        assertEquals("0x0", Rpc.str(rpc.result("eth_getTransactionCount", "[" + q(alice.address().toHex())
                + ", \"latest\"]")));

        rpc.chain.mine();
        Json tx = rpc.result("eth_getTransactionByHash", "[" + q(hash) + "]");
        Shapes.transaction(tx);
        assertEquals("0x1", Rpc.str(((Json.Obj) tx).get("blockNumber")));
        assertEquals("0x3e8", Rpc.str(((Json.Obj) tx).get("value")));
        Json receipt = rpc.result("eth_getTransactionReceipt", "[" + q(hash) + "]");
        Shapes.receipt(receipt);
        assertEquals("0x1", Rpc.str(((Json.Obj) receipt).get("status")));
        assertEquals(Json.NULL, ((Json.Obj) receipt).get("contractAddress"));
        assertEquals("0x1", Rpc.str(rpc.result("eth_getTransactionCount", "[" + q(alice.address().toHex()) + "]")));
        assertEquals(Json.NULL, rpc.result("eth_getTransactionByHash", "[" + q("0x" + "11".repeat(32)) + "]"));
    }

    @Test
    void stateMethods() {
        rpc.chain.fund(alice.address(), BigInteger.valueOf(5000));
        String a = q(alice.address().toHex());
        assertEquals("0x1388", Rpc.str(rpc.result("eth_getBalance", "[" + a + "]")));
        assertEquals("0x1388", Rpc.str(rpc.result("eth_getBalance", "[" + a + ", \"pending\"]")));
        String genesis = Rpc.str(((Json.Obj) rpc.result("eth_getBlockByNumber", "[\"0x0\", false]")).get("hash"));
        assertEquals("0x1388", Rpc.str(rpc.result("eth_getBalance", "[" + a + ", " + q(genesis) + "]")));
        assertEquals("header not found", rpc.errorMessage("eth_getBalance", "[" + a + ", \"0x5\"]", -32000));
        assertEquals("header not found", rpc.errorMessage("eth_getBalance", "[" + a + ", " + q("0x" + "ee".repeat(32))
                + "]", -32000));
        rpc.error("eth_getBalance", "[" + a + ", \"safe\"]", -39001);
        assertTrue(rpc.errorMessage("eth_getBalance", "[\"0x1234\"]", -32602).contains("want 40"));
        rpc.error("eth_getBalance", "[]", -32602);

        assertEquals("0x6001600055", Rpc.str(rpc.result("eth_getCode", "[" + q(EMITTER) + ", \"latest\"]")));
        assertEquals("0x", Rpc.str(rpc.result("eth_getCode", "[" + a + "]")));
        assertEquals("0x" + "00".repeat(31) + "05", Rpc.str(rpc.result("eth_getStorageAt", "[" + q(EMITTER)
                + ", \"0x5\", \"latest\"]")));
        assertTrue(rpc.errorMessage("eth_getStorageAt", "[" + q(EMITTER) + ", \"0x" + "0".repeat(65) + "\"]",
                -32602).contains("too long"));
        rpc.error("eth_getStorageAt", "[" + q(EMITTER) + "]", -32602);
    }

    @Test
    void callsAndEstimatesWithRevertsAsCode3() {
        assertEquals("0xabcd", Rpc.str(rpc.result("eth_call", "[{\"to\":" + q(EMITTER) + ",\"input\":\"0xabcd\"}]")));
        // web3j and older clients send "data"
        assertEquals("0xabcd", Rpc.str(rpc.result("eth_call", "[{\"from\":" + q(alice.address().toHex())
                + ",\"to\":" + q(EMITTER) + ",\"data\":\"0xabcd\",\"gas\":\"0x5208\",\"value\":\"0x0\"}, \"latest\"]")));
        assertTrue(rpc.errorMessage("eth_call", "[{\"input\":\"0xab\",\"data\":\"0xcd\"}]", -32602)
                .contains("\"data\" and \"input\""));
        assertTrue(rpc.errorMessage("eth_call", "[{\"inptu\":\"0xab\"}]", -32602).contains("unknown field"));
        assertTrue(rpc.errorMessage("eth_call", "[{\"blobs\":[]}]", -32602).contains("not supported"));
        assertTrue(rpc.errorMessage("eth_call", "[{\"gasPrice\":\"0x1\",\"maxFeePerGas\":\"0x2\"}]", -32602)
                .contains("both gasPrice"));
        assertTrue(rpc.errorMessage("eth_call", "[{\"to\":\"0x12\"}]", -32602).startsWith("invalid argument 0: field"));
        rpc.error("eth_call", "[\"0x12\"]", -32602);
        rpc.error("eth_call", "[{}, \"latest\", {}]", -32602);

        Json.Obj reverted = rpc.error("eth_call", "[{\"to\":" + q(REVERTER) + "}]", 3);
        assertEquals("execution reverted: nope", Rpc.str(reverted.get("message")));
        assertEquals("0x" + FakeEthBackend.NOPE.toHex(), Rpc.str(reverted.get("data")));

        assertEquals("0x5208", Rpc.str(rpc.result("eth_estimateGas", "[{\"to\":" + q(EMITTER) + "}]")));
        assertEquals("0xc350", Rpc.str(rpc.result("eth_estimateGas", "[{\"to\":" + q(EMITTER)
                + ",\"input\":\"0x01\"}, \"latest\"]")));
        assertEquals("0x" + FakeEthBackend.NOPE.toHex(), Rpc.str(rpc.error("eth_estimateGas", "[{\"to\":"
                + q(REVERTER) + "}]", 3).get("data")));
        rpc.error("eth_estimateGas", "[{}, " + q("0x" + "ab".repeat(32)) + "]", -32602);
    }

    @Test
    void feeHistory() {
        for (int i = 0; i < 3; i++) {
            rpc.chain.mine();
        }
        Json.Obj h = (Json.Obj) rpc.result("eth_feeHistory", "[\"0x2\", \"latest\", [25, 75.5]]");
        assertEquals("0x2", Rpc.str(h.get("oldestBlock")));
        assertEquals(3, Shapes.items(h.get("baseFeePerGas")).size());
        assertEquals(List.of(new Json.Num("0"), new Json.Num("0")), Shapes.items(h.get("gasUsedRatio")));
        assertEquals(2, Shapes.items(h.get("reward")).size());
        assertEquals(2, Shapes.items(Shapes.items(h.get("reward")).get(0)).size());
        // more blocks than exist: clipped; no percentiles: no reward
        Json.Obj all = (Json.Obj) rpc.result("eth_feeHistory", "[\"0x400\", \"0x3\", []]");
        assertEquals("0x0", Rpc.str(all.get("oldestBlock")));
        assertEquals(5, Shapes.items(all.get("baseFeePerGas")).size());
        assertFalse(all.has("reward"));
        Json.Obj none = (Json.Obj) rpc.result("eth_feeHistory", "[\"0x0\", \"latest\", []]");
        assertEquals(List.of(), Shapes.items(none.get("gasUsedRatio")));
        assertTrue(rpc.errorMessage("eth_feeHistory", "[\"0x2\", \"latest\", [75, 25]]", -32602)
                .contains("invalid reward percentile"));
        rpc.error("eth_feeHistory", "[\"0x2\", \"latest\", [101]]", -32602);
        rpc.error("eth_feeHistory", "[\"0x2\", \"latest\", [\"50\"]]", -32602);
        rpc.error("eth_feeHistory", "[2, \"latest\", []]", -32602);
        rpc.error("eth_feeHistory", "[\"0x2\", \"0x9\", []]", -32000);
        rpc.error("eth_feeHistory", "[\"0x2\"]", -32602);
    }

    @Test
    void logs() {
        rpc.chain.fund(alice.address(), BigInteger.TEN.pow(20));
        rpc.result("eth_sendRawTransaction", "[" + q(alice.transfer1559(0, EMITTER, BigInteger.ZERO, "0xbeef")) + "]");
        rpc.result("eth_sendRawTransaction", "[" + q(alice.transfer1559(1, bob.address().toHex(), BigInteger.ONE,
                "0x")) + "]");
        var block = rpc.chain.mine();
        rpc.chain.mine();
        String ping = q("0x" + FakeEthBackend.PING_TOPIC.value().toHex());
        List<Json> logs = Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\"}]"));
        assertEquals(1, logs.size());
        Shapes.log(logs.get(0));
        assertEquals("0xbeef", Rpc.str(((Json.Obj) logs.get(0)).get("data")));
        String aliceTopic = q(Numeric.toHexString(Hash.sha3(alice.address().value().toArray())));
        String zero = q("0x" + "00".repeat(32));
        assertEquals(1, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"earliest\",\"address\":["
                + q(EMITTER) + "],\"topics\":[" + ping + "]}]")).size());
        assertEquals(0, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[["
                + zero + "]]}]")).size());
        assertEquals(1, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[null,["
                + zero + "," + aliceTopic + "]]}]")).size());
        assertEquals(0, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[null,null,"
                + "null]}]")).size(), "a log with fewer topics than the filter has positions does not match");
        assertEquals(0, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"address\":"
                + q(REVERTER) + "}]")).size());
        assertEquals(1, Shapes.items(rpc.result("eth_getLogs", "[{\"blockHash\":\"0x"
                + block.header().hash().value().toHex() + "\"}]")).size());
        assertEquals(0, Shapes.items(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x2\"}]"))
                .size());
        assertTrue(rpc.errorMessage("eth_getLogs", "[{\"blockHash\":\"0x" + block.header().hash().value().toHex()
                + "\",\"fromBlock\":\"0x1\"}]", -32602).contains("cannot specify both"));
        assertEquals("unknown block", rpc.errorMessage("eth_getLogs", "[{\"blockHash\":" + q("0x" + "aa".repeat(32))
                + "}]", -32000));
        assertEquals("invalid block range params",
                rpc.errorMessage("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x1\"}]", -32602));
        assertEquals("block range extends beyond current head block",
                rpc.errorMessage("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x5\"}]", -32602));
        assertTrue(rpc.errorMessage("eth_getLogs", "[{\"toBlock\":\"pending\"}]", -32602).contains("pending"));
        assertTrue(rpc.errorMessage("eth_getLogs", "[{\"topics\":[null,null,null,null,null]}]", -32602)
                .contains("exceed max topics"));
        rpc.error("eth_getLogs", "[{\"fromBlock\":\"safe\"}]", -39001);
        rpc.error("eth_getLogs", "[{\"address\":\"0x12\"}]", -32602);
        rpc.error("eth_getLogs", "[]", -32602);

        Rpc tight = new Rpc(rpc.chain, new RpcLimits(1000, 1 << 20, 2, 1, 100, 64));
        assertTrue(tight.errorMessage("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x2\"}]", -32005)
                .contains("block range too large"));
        rpc.chain.fund(bob.address(), BigInteger.TEN.pow(20));
        rpc.result("eth_sendRawTransaction", "[" + q(bob.transfer1559(0, EMITTER, BigInteger.ZERO, "0x01")) + "]");
        rpc.result("eth_sendRawTransaction", "[" + q(alice.transfer1559(2, EMITTER, BigInteger.ZERO, "0x02")) + "]");
        rpc.chain.mine();
        assertEquals(1, Shapes.items(tight.result("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\"}]"))
                .size());
        assertEquals("query returned more than 1 results", tight.errorMessage("eth_getLogs",
                "[{\"fromBlock\":\"0x3\",\"toBlock\":\"0x3\",\"address\":" + q(EMITTER) + "}]", -32005));
    }

    @Test
    void subscriptionsNeedAConnectionThatCanPush() {
        assertEquals("notifications not supported", rpc.errorMessage("eth_subscribe", "[\"newHeads\"]", -32601));
        rpc.error("eth_unsubscribe", "[\"0x1\"]", -32601);
        TestSession ws = new TestSession(true, Long.MAX_VALUE);
        rpc.session = ws;
        String id = Rpc.str(rpc.result("eth_subscribe", "[\"newHeads\"]"));
        String logsId = Rpc.str(rpc.result("eth_subscribe", "[\"logs\", {\"address\":" + q(EMITTER) + "}]"));
        assertEquals(2, ws.subs.size());
        assertTrue(ws.subs.get(logsId) instanceof Subscription.Logs l && l.criteria().addresses().size() == 1);
        rpc.error("eth_subscribe", "[\"newHeads\"]", -32005);
        assertEquals(Json.TRUE, rpc.result("eth_unsubscribe", "[" + q(id) + "]"));
        assertEquals(Json.FALSE, rpc.result("eth_unsubscribe", "[" + q(id) + "]"));
        assertTrue(rpc.errorMessage("eth_subscribe", "[\"newPendingTransactions\"]", -32602).contains("unsupported"));
        assertTrue(rpc.errorMessage("eth_subscribe", "[\"logs\", {\"fromBlock\":\"0x1\"}]", -32602)
                .contains("not allowed"));
        rpc.error("eth_subscribe", "[\"newHeads\", {}]", -32602);
        rpc.error("eth_subscribe", "[]", -32602);
    }
}
