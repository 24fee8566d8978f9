package seqpool.sequencer.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.NewHead;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

import io.reactivex.disposables.Disposable;
import seqpool.sequencer.rpc.testing.FakeEthBackend;
import seqpool.sequencer.rpc.testing.Signer;

/** web3j 4.13 as a real client: every shape it parses, over HTTP and over WebSocket with subscriptions. */
class Web3jClientTest {
    ServerFixture f;
    Web3j web3;
    final Signer alice = Signer.alice();
    final Signer bob = Signer.bob();
    final String emitter = FakeEthBackend.EMITTER.toHex();

    @BeforeEach
    void start() throws Exception {
        f = new ServerFixture(ServerFixture.defaults());
        web3 = Web3j.build(new HttpService("http://127.0.0.1:" + f.server.address().getPort() + "/"));
        f.chain.fund(alice.address(), Convert.toWei("10", Convert.Unit.ETHER).toBigIntegerExact());
    }

    @AfterEach
    void stop() {
        web3.shutdown();
        f.close();
    }

    @Test
    void clientAndFeeMethods() throws Exception {
        assertEquals(BigInteger.valueOf(901), web3.ethChainId().send().getChainId());
        assertEquals("901", web3.netVersion().send().getNetVersion());
        assertEquals("seqpool/test/java-17", web3.web3ClientVersion().send().getWeb3ClientVersion());
        assertEquals(BigInteger.ZERO, web3.ethBlockNumber().send().getBlockNumber());
        assertEquals(FakeEthBackend.BASE_FEE.add(FakeEthBackend.TIP), web3.ethGasPrice().send().getGasPrice());
        assertEquals(FakeEthBackend.TIP, web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas());
        f.chain.mine();
        f.chain.mine();
        EthFeeHistory.FeeHistory h = web3.ethFeeHistory(2, DefaultBlockParameterName.LATEST, List.of(25.0, 75.0))
                .send().getFeeHistory();
        assertEquals(BigInteger.ONE, h.getOldestBlock());
        assertEquals(3, h.getBaseFeePerGas().size());
        assertEquals(List.of(FakeEthBackend.TIP, FakeEthBackend.TIP), h.getReward().get(0));
        assertEquals(List.of(0.0, 0.0), h.getGasUsedRatio());
    }

    @Test
    void aSignedTransactionFromSendToReceiptAndLogs() throws Exception {
        String raw = alice.transfer1559(0, emitter, BigInteger.valueOf(7), "0xfeed");
        EthSendTransaction sent = web3.ethSendRawTransaction(raw).send();
        assertFalse(sent.hasError(), () -> sent.getError().getMessage());
        assertEquals(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(raw))), sent.getTransactionHash());

        EthSendTransaction again = web3.ethSendRawTransaction(raw).send();
        assertTrue(again.hasError());
        assertEquals(-32000, again.getError().getCode());
        assertEquals("already known", again.getError().getMessage());

        org.web3j.protocol.core.methods.response.Transaction pending = web3.ethGetTransactionByHash(
                sent.getTransactionHash()).send().getTransaction().orElseThrow();
        assertNull(pending.getBlockHash());
        assertEquals(alice.address().toHex(), pending.getFrom());
        assertEquals(BigInteger.ONE, web3.ethGetTransactionCount(alice.address().toHex(),
                DefaultBlockParameterName.PENDING).send().getTransactionCount());
        assertTrue(web3.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt().isEmpty());

        f.chain.mine();
        TransactionReceipt receipt = web3.ethGetTransactionReceipt(sent.getTransactionHash()).send()
                .getTransactionReceipt().orElseThrow();
        assertTrue(receipt.isStatusOK());
        assertEquals(BigInteger.ONE, receipt.getBlockNumber());
        assertEquals(emitter, receipt.getTo());
        assertEquals(1, receipt.getLogs().size());
        assertEquals("0xfeed", receipt.getLogs().get(0).getData());
        assertEquals(BigInteger.valueOf(21_000), receipt.getGasUsed());
        assertEquals("0x2", receipt.getType());

        org.web3j.protocol.core.methods.response.Transaction mined = web3.ethGetTransactionByHash(
                sent.getTransactionHash()).send().getTransaction().orElseThrow();
        assertEquals(BigInteger.ONE, mined.getBlockNumber());
        assertEquals(BigInteger.valueOf(7), mined.getValue());
        assertEquals(FakeEthBackend.TIP, mined.getMaxPriorityFeePerGas());
        assertEquals(901L, mined.getChainId());

        List<EthLogResult> logs = logs(web3.ethGetLogs(new EthFilter(DefaultBlockParameter.valueOf(BigInteger.ZERO),
                DefaultBlockParameterName.LATEST, emitter)).send().getLogs());
        assertEquals(1, logs.size());
        assertEquals(sent.getTransactionHash(), logs.get(0).log().getTransactionHash());
        assertFalse(logs.get(0).log().isRemoved());
    }

    record EthLogResult(Log log) {
    }

    static List<EthLogResult> logs(List<org.web3j.protocol.core.methods.response.EthLog.LogResult> results) {
        return results.stream().map(r -> new EthLogResult((Log) r.get())).toList();
    }

    @Test
    void rejectionsCarryTheBackendsWords() throws Exception {
        EthSendTransaction broke = web3.ethSendRawTransaction(bob.transferLegacy(0, emitter, BigInteger.ONE)).send();
        assertEquals(-32000, broke.getError().getCode());
        assertEquals("insufficient funds for gas * price + value", broke.getError().getMessage());
        web3.ethSendRawTransaction(alice.transfer1559(0, emitter, BigInteger.ONE, "0x")).send();
        EthSendTransaction stale = web3.ethSendRawTransaction(alice.transferLegacy(0, emitter, BigInteger.TWO)).send();
        assertTrue(stale.getError().getMessage().startsWith("nonce too low"), stale.getError().getMessage());
    }

    @Test
    void blocksFullAndByHash() throws Exception {
        web3.ethSendRawTransaction(alice.transfer1559(0, bob.address().toHex(), BigInteger.TEN, "0x")).send();
        web3.ethSendRawTransaction(alice.transferLegacy(1, bob.address().toHex(), BigInteger.TEN)).send();
        f.chain.mine();
        EthBlock.Block full = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, true).send().getBlock();
        assertEquals(BigInteger.ONE, full.getNumber());
        assertEquals(2, full.getTransactions().size());
        EthBlock.TransactionObject first = (EthBlock.TransactionObject) full.getTransactions().get(0);
        assertEquals(bob.address().toHex(), first.getTo());
        assertEquals("0x2", first.getType());
        EthBlock.TransactionObject second = (EthBlock.TransactionObject) full.getTransactions().get(1);
        assertEquals("0x0", second.getType());
        assertEquals(BigInteger.valueOf(42_000), full.getGasUsed());
        assertEquals(FakeEthBackend.BASE_FEE, full.getBaseFeePerGas());

        EthBlock.Block hashes = web3.ethGetBlockByHash(full.getHash(), false).send().getBlock();
        assertEquals(full.getHash(), hashes.getHash());
        assertEquals(first.getHash(), hashes.getTransactions().get(0).get());
        assertEquals(full.getParentHash(), web3.ethGetBlockByNumber(DefaultBlockParameterName.EARLIEST, false).send()
                .getBlock().getHash());
        assertNull(web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.TEN), false).send().getBlock());
        assertEquals(-39001, web3.ethGetBlockByNumber(DefaultBlockParameterName.SAFE, false).send().getError()
                .getCode());
    }

    @Test
    void stateCallsEstimatesAndReverts() throws Exception {
        String a = alice.address().toHex();
        assertEquals(Convert.toWei("10", Convert.Unit.ETHER).toBigIntegerExact(),
                web3.ethGetBalance(a, DefaultBlockParameterName.LATEST).send().getBalance());
        assertEquals("0x6001600055", web3.ethGetCode(emitter, DefaultBlockParameterName.LATEST).send().getCode());
        assertEquals("0x" + "00".repeat(31) + "05", web3.ethGetStorageAt(emitter, BigInteger.valueOf(5),
                DefaultBlockParameterName.LATEST).send().getData());
        EthCall echo = web3.ethCall(Transaction.createEthCallTransaction(a, emitter, "0x1234"),
                DefaultBlockParameterName.LATEST).send();
        assertEquals("0x1234", echo.getValue());
        EthCall reverted = web3.ethCall(Transaction.createEthCallTransaction(a,
                FakeEthBackend.REVERTER.toHex(), "0x"), DefaultBlockParameterName.LATEST).send();
        assertTrue(reverted.isReverted());
        assertEquals(3, reverted.getError().getCode());
        // web3j keeps error data as raw JSON text: our JSON string, quotes included
        assertEquals("\"0x" + FakeEthBackend.NOPE.toHex() + "\"", reverted.getError().getData());
        assertTrue(reverted.getRevertReason().contains("nope"), reverted.getRevertReason());
        assertEquals(BigInteger.valueOf(50_000), web3.ethEstimateGas(Transaction.createEthCallTransaction(a,
                emitter, "0x01")).send().getAmountUsed());
    }

    @Test
    void web3jsOwnTransferFlowWithItsReceiptPolling() throws Exception {
        ScheduledExecutorService miner = Executors.newSingleThreadScheduledExecutor();
        miner.scheduleAtFixedRate(f.chain::mine, 100, 100, TimeUnit.MILLISECONDS);
        try {
            RawTransactionManager manager = new RawTransactionManager(web3, alice.credentials,
                    FakeEthBackend.CHAIN_ID, new PollingTransactionReceiptProcessor(web3, 100, 100));
            TransactionReceipt r = new Transfer(web3, manager).sendFunds(bob.address().toHex(), BigDecimal.valueOf(3),
                    Convert.Unit.WEI).send();
            assertTrue(r.isStatusOK());
            assertEquals(BigInteger.valueOf(3), web3.ethGetBalance(bob.address().toHex(),
                    DefaultBlockParameterName.LATEST).send().getBalance());
        } finally {
            miner.shutdownNow();
        }
    }

    @Test
    void webSocketRequestsAndSubscriptions() throws Exception {
        WebSocketService service = new WebSocketService("ws://127.0.0.1:" + f.server.address().getPort() + "/", false);
        service.connect();
        Web3j ws = Web3j.build(service);
        List<NewHead> heads = new CopyOnWriteArrayList<>();
        List<org.web3j.protocol.websocket.events.Log> logs = new CopyOnWriteArrayList<>();
        try {
            assertEquals(BigInteger.valueOf(901), ws.ethChainId().send().getChainId());
            Disposable h = ws.newHeadsNotifications().subscribe(n -> heads.add(n.getParams().getResult()));
            Disposable l = ws.logsNotifications(List.of(emitter), List.of(Numeric.toHexString(
                    FakeEthBackend.PING_TOPIC.value().toArray()))).subscribe(n -> logs.add(n.getParams().getResult()));
            HttpServerTest.waitFor(() -> f.server.subscribedConnections() == 1);
            Thread.sleep(200); // both subscription responses delivered
            web3.ethSendRawTransaction(alice.transfer1559(0, emitter, BigInteger.ZERO, "0xabba")).send();
            f.chain.mine();
            f.chain.mine();
            HttpServerTest.waitFor(() -> heads.size() == 2 && logs.size() == 1);
            assertEquals("0x1", heads.get(0).getNumber());
            assertEquals("0x2", heads.get(1).getNumber());
            assertEquals(heads.get(0).getHash(), heads.get(1).getParentHash());
            assertEquals("0xabba", logs.get(0).getData());
            assertEquals("0x1", logs.get(0).getBlockNumber());
            assertEquals(2, logs.get(0).getTopics().size());
            h.dispose();
            l.dispose();
            Thread.sleep(200);
            f.chain.mine();
            Thread.sleep(300);
            assertEquals(2, heads.size(), "no notifications after dispose (eth_unsubscribe)");
        } finally {
            ws.shutdown();
        }
    }
}
