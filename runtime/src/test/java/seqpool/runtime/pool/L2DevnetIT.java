package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.contracts.devnet.DevnetAccounts;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * L2 sequencing end to end, from the executable jar: {@code seqpool devnet --nodes 4} with the EVM engine (each node
 * drives its own anvil). Real clients talk to different nodes: {@code cast} (npm {@code @foundry-rs/cast}) deploys an
 * ERC-20 compiled by the build's solc and mints; web3j transfers, reads the logs with {@code eth_getLogs}; a WebSocket
 * receives {@code newHeads} and {@code logs}. Bad inputs are sent to a live node, which answers each with an error and
 * keeps serving. Then the producer is killed with SIGKILL in the middle of its epoch: the chain goes on under the next
 * producer with no gap and no re-organisation, and the killed node restarts (rebuilding its anvil from its stored
 * blocks) and ends with everyone's block hashes and state roots. Before that, a transfer enqueued on L1 (forced
 * inclusion, {@code seqpool forced enqueue}) is included within N L2 blocks and executed by every node. Prints
 * {@code FIGURE forced_inclusion_blocks}, {@code FIGURE l2_blocks_after_producer_kill} and
 * {@code FIGURE l2_state_root_mismatches}.
 */
class L2DevnetIT {
    private static final Duration LONG = Duration.ofSeconds(150);
    private static final long CHAIN_ID = 901;
    /** anvil's first two default test accounts, funded by the devnet's L2 genesis. */
    private static final Credentials DEV0 = Credentials.create(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final String DEV1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String TRANSFER_TOPIC =
            "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final long EPOCH_LENGTH = 20;
    /** How long the chain is watched after the SIGKILL for {@code l2_blocks_after_producer_kill}. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(30);

    @Test
    void walletsTalkToAnyNodeAndTheChainOutlivesItsProducer() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "l2-devnet", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        int base = 20_000 + new java.util.Random().nextInt(11_000);
        try (Devnet net = Devnet.start(dir, "--nodes", "4", "--engine", "evm", "--base-port", Integer.toString(base),
                "--epoch-length", Long.toString(EPOCH_LENGTH), "--block-time-ms", "1000",
                "--producer-timeout-ms", "3000")) {
            net.awaitRunning(Duration.ofSeconds(180));
            Map<String, L2Rpc> rpc = new LinkedHashMap<>();
            for (Map<String, Object> n : net.nodes()) {
                rpc.put((String) n.get("name"), new L2Rpc((String) n.get("rpc")));
            }
            awaitHead(net, rpc.get("n1"), "a first L2 block", LONG, h -> h >= 1);
            String out = Files.readString(net.log); // printed after endpoints.json, long before the first L2 block
            assertTrue(out.contains("L2 JSON-RPC " + rpc.get("n1").url), "the devnet prints the JSON-RPC URL");
            assertTrue(out.contains(DEV0.getAddress()), "the devnet prints the funded dev accounts");
            castBlockNumberAdvances(rpc.get("n1").url);

            String token = deployWithCast(rpc.get("n2").url);
            TransactionReceipt transfer;
            try (L2Rpc.Subscription heads = new L2Rpc.Subscription(rpc.get("n1").url, "[\"newHeads\"]");
                    L2Rpc.Subscription logs = new L2Rpc.Subscription(rpc.get("n4").url,
                            "[\"logs\",{\"address\":\"" + token + "\"}]")) {
                Cast.run("send", "--rpc-url", rpc.get("n3").url, "--private-key", key(DEV0), token,
                        "mint(address,uint256)", DEV0.getAddress(), "1000000");
                transfer = transferWithWeb3j(rpc.get("n4").url, token);
                checkHeads(heads, rpc.get("n1"));
                checkLogNotifications(logs, transfer);
            }
            checkGetLogs(rpc.get("n2").url, token, transfer);
            for (L2Rpc r : rpc.values()) {
                assertEquals("250", Cast.run("call", "--rpc-url", r.url, token, "balanceOf(address)(uint256)", DEV1),
                        "every node executed the transfer: " + r.url);
            }

            forcedInclusion(net, rpc);

            BadInputs.sendTo(rpc.get("n2"), rpc.get("n3"), DEV0, CHAIN_ID);

            String killed = killTheProducerMidEpoch(net, rpc);
            net.restart(killed);
            long target = rpc.get(killed.equals("n1") ? "n2" : "n1").blockNumber();
            awaitHead(net, rpc.get(killed), "the restarted " + killed + " catching up", LONG, h -> h >= target);
            assertEquals("250", Cast.run("call", "--rpc-url", rpc.get(killed).url, token,
                    "balanceOf(address)(uint256)", DEV1), "the restarted node rebuilt its EVM state");
            int mismatches = compareChains(rpc, target);
            System.out.println("FIGURE l2_state_root_mismatches " + mismatches);
            assertEquals(0, mismatches, "every node holds the same blocks and state roots up to " + target);
            String log = Files.readString(net.log);
            assertTrue(!log.contains("L2 HALTED"), "no node halted its L2:\n" + net.tail(60));
        }
    }

    /**
     * Forced inclusion on the real parts: a signed L2 transfer that no node's mempool ever saw is enqueued on L1 with
     * {@code seqpool forced enqueue} (paid by anvil's account 9); the bridges confirm it, the pool commits it with its
     * due block (committed L2 head + N, read from {@code /status}), and the producer puts it first in a block by then.
     * Every node's EVM executes it in that block. Prints {@code FIGURE forced_inclusion_blocks}: L2 blocks from the
     * committed head the message was committed at to the block that includes it (at most N).
     */
    private static void forcedInclusion(Devnet net, Map<String, L2Rpc> rpc) throws Exception {
        Credentials user = DevnetAccounts.account(2); // funded on L2 by the genesis, used nowhere else in this test
        String sink = "0x00000000000000000000000000000000000f0ced";
        long nonce = Long.decode((String) rpc.get("n1").result("eth_getTransactionCount",
                "[\"" + user.getAddress() + "\",\"pending\"]"));
        RawTransaction tx = RawTransaction.createEtherTransaction(CHAIN_ID, BigInteger.valueOf(nonce),
                BigInteger.valueOf(21_000), sink, BigInteger.valueOf(12_345), BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(3_000_000_000L));
        byte[] raw = TransactionEncoder.signMessage(tx, CHAIN_ID, user);
        String txHash = Numeric.toHexString(org.web3j.crypto.Hash.sha3(raw));
        Path payer = net.dir.resolve("forced-payer.key");
        Files.writeString(payer, DevnetAccounts.privateKeyHex(9) + "\n");
        String out = net.cli("forced", "enqueue", "--rpc", net.l1(), "--key", payer.toString(), "--contracts",
                net.dir.resolve("contracts.yaml").toString(), "--tx", Numeric.toHexString(raw));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("enqueued forced message (\\d+)").matcher(out);
        assertTrue(m.find(), "seqpool forced enqueue: " + out);
        long index = Long.parseLong(m.group(1));

        Map<String, Object> committed = net.await("n1", "forced message " + index + " committed", LONG,
                st -> forcedMessage(st, index) != null);
        long n = ((Number) forced(committed).get("inclusionBlocks")).longValue();
        long due = ((Number) forcedMessage(committed, index).get("dueL2Block")).longValue();
        Map<String, Object> receipt = null;
        long deadline = System.nanoTime() + LONG.toNanos();
        while (receipt == null && System.nanoTime() < deadline) {
            Object r = rpc.get("n1").result("eth_getTransactionReceipt", "[\"" + txHash + "\"]");
            receipt = r instanceof Map<?, ?> ? PoolDevnetIT.map(r) : null;
            Thread.sleep(200);
        }
        assertTrue(receipt != null, "the forced transaction " + txHash + " is in an L2 block\n" + net.tail(60));
        assertEquals("0x1", receipt.get("status"), "the forced transfer executed: " + receipt);
        long included = Long.decode((String) receipt.get("blockNumber"));
        System.out.println("forced message " + index + ": committed at committed L2 head " + (due - n) + " (due by "
                + due + ", N = " + n + "), included in L2 block " + included);
        System.out.println("FIGURE forced_inclusion_blocks " + (included - (due - n)));
        assertTrue(included <= due, "included in L2 block " + included + ", due by " + due + " (N = " + n + ")");
        for (L2Rpc r : rpc.values()) {
            awaitHead(net, r, "block " + included + " at " + r.url, LONG, h -> h >= included);
            Map<String, Object> b = r.block(included);
            assertEquals(txHash, L2Rpc.list(b.get("transactions")).get(0), "the forced message comes first: " + b);
            assertEquals(rpc.get("n1").block(included).get("stateRoot"), b.get("stateRoot"));
            assertEquals("0x3039", r.result("eth_getBalance", "[\"" + sink + "\",\"latest\"]"),
                    "every node's EVM executed the forced transfer: " + r.url);
        }
        net.await("n1", "forced message " + index + " marked included by committed L2 progress", LONG,
                st -> Boolean.TRUE.equals(forcedMessage(st, index).get("included")));
    }

    private static Map<String, Object> forced(Map<String, Object> status) {
        return PoolDevnetIT.map(PoolDevnetIT.map(status.get("pos")).get("forced"));
    }

    /** The committed forced message {@code index} in a node's {@code /status}, or null while it is not there. */
    private static Map<String, Object> forcedMessage(Map<String, Object> status, long index) {
        for (Object o : L2Rpc.list(forced(status).get("recent"))) {
            Map<String, Object> m = PoolDevnetIT.map(o);
            if (((Number) m.get("index")).longValue() == index) {
                return m;
            }
        }
        return null;
    }

    private static void castBlockNumberAdvances(String url) throws Exception {
        long first = Long.parseLong(Cast.run("block-number", "--rpc-url", url));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long now = first;
        while (now <= first && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = Long.parseLong(Cast.run("block-number", "--rpc-url", url));
        }
        assertTrue(now > first, "cast block-number advances: " + first + " -> " + now);
        assertEquals(Long.toString(CHAIN_ID), Cast.run("chain-id", "--rpc-url", url));
    }

    /** {@code cast send --create} with the solc-compiled TestStakeToken (an OpenZeppelin ERC-20); returns its address. */
    private static String deployWithCast(String url) throws Exception {
        String bin;
        try (InputStream in = TestStakeToken.class.getResourceAsStream("/seqpool/contracts/artifacts/TestStakeToken.bin")) {
            bin = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        Map<String, Object> receipt = seqpool.codec.json.JsonReader.parseObject(Cast.run("send", "--json", "--rpc-url",
                url, "--private-key", key(DEV0), "--create", bin.startsWith("0x") ? bin : "0x" + bin,
                "constructor(address)", DEV0.getAddress()));
        assertEquals("0x1", receipt.get("status"), "deployed: " + receipt);
        String address = (String) receipt.get("contractAddress");
        assertTrue(Cast.run("code", "--rpc-url", url, address).length() > 100, "the token has code");
        return address;
    }

    private static TransactionReceipt transferWithWeb3j(String url, String token) throws Exception {
        Web3j web3j = Web3j.build(new HttpService(url));
        try {
            var tm = new RawTransactionManager(web3j, DEV0, CHAIN_ID,
                    new PollingTransactionReceiptProcessor(web3j, 200, 150));
            var gas = new StaticEIP1559GasProvider(CHAIN_ID, BigInteger.valueOf(3_000_000_000L),
                    BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(200_000));
            TransactionReceipt r = TestStakeToken.load(token, web3j, tm, gas)
                    .transfer(DEV1, BigInteger.valueOf(250)).send();
            assertTrue(r.isStatusOK(), "transfer: " + r);
            return r;
        } finally {
            web3j.shutdown();
        }
    }

    private static void checkHeads(L2Rpc.Subscription heads, L2Rpc n1) throws Exception {
        long previous = -1;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> h = heads.next(Duration.ofSeconds(20));
            long number = Long.decode((String) h.get("number"));
            assertTrue(previous < 0 || number == previous + 1, "newHeads in order, one per block: " + previous + " -> "
                    + number);
            assertEquals(n1.block(number).get("hash"), h.get("hash"), "the header notified is the block served");
            previous = number;
        }
    }

    private static void checkLogNotifications(L2Rpc.Subscription logs, TransactionReceipt transfer) throws Exception {
        Map<String, Object> mint = logs.next(Duration.ofSeconds(20));
        Map<String, Object> moved = logs.next(Duration.ofSeconds(20));
        assertEquals(TRANSFER_TOPIC, L2Rpc.list(mint.get("topics")).get(0));
        assertEquals("0x" + "0".repeat(64), L2Rpc.list(mint.get("topics")).get(1), "minted from address 0");
        assertEquals(transfer.getTransactionHash(), moved.get("transactionHash"));
        assertEquals(BigInteger.valueOf(250), Numeric.toBigInt((String) moved.get("data")));
    }

    private static void checkGetLogs(String url, String token, TransactionReceipt transfer) throws Exception {
        Web3j web3j = Web3j.build(new HttpService(url));
        try {
            EthFilter filter = new EthFilter(new DefaultBlockParameterNumber(0),
                    new DefaultBlockParameterNumber(transfer.getBlockNumber()), token).addSingleTopic(TRANSFER_TOPIC);
            EthLog answer = web3j.ethGetLogs(filter).send();
            assertTrue(!answer.hasError(), () -> "eth_getLogs: " + answer.getError().getMessage());
            List<Log> found = new ArrayList<>();
            answer.getLogs().forEach(l -> found.add((Log) l.get()));
            assertEquals(2, found.size(), "mint and transfer: " + found);
            Log last = found.get(1);
            assertEquals(transfer.getTransactionHash(), last.getTransactionHash());
            assertEquals(transfer.getBlockHash(), last.getBlockHash());
            assertEquals(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(DEV1), 64), last.getTopics().get(2));
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * Waits for an epoch whose head is in its middle, SIGKILLs its producer, and watches a survivor for
     * {@link #AFTER_KILL}: blocks keep coming, numbered without a gap, each on its parent, and every block the
     * survivors held before the kill keeps its hash. Returns the killed node's name.
     */
    private static String killTheProducerMidEpoch(Devnet net, Map<String, L2Rpc> rpc) throws Exception {
        Map<String, String> names = new HashMap<>();
        net.nodes().forEach(n -> names.put(((String) n.get("address")).toLowerCase(java.util.Locale.ROOT),
                (String) n.get("name")));
        Map<String, Object> s = net.await("n1", "the middle of an epoch", LONG, st -> {
            Map<String, Object> a = PoolDevnetIT.assignment(st);
            long first = ((Number) a.get("firstL2Block")).longValue();
            long head = PoolDevnetIT.l2Head(st);
            return head >= first + EPOCH_LENGTH / 2 - 2 && head <= first + EPOCH_LENGTH / 2;
        });
        String producer = names.get((String) PoolDevnetIT.assignment(s).get("producer"));
        String watcher = producer.equals("n1") ? "n2" : "n1";
        L2Rpc w = rpc.get(watcher);
        long before = w.blockNumber();
        Map<Long, Object> accepted = new HashMap<>();
        for (long n = 1; n <= before; n++) {
            accepted.put(n, w.block(n).get("hash"));
        }
        ProcessHandle.of(((Number) net.node(producer).get("pid")).longValue()).orElseThrow().destroyForcibly();
        Thread.sleep(AFTER_KILL.toMillis());
        long after = w.blockNumber();
        System.out.println("FIGURE l2_blocks_after_producer_kill " + (after - before));
        assertTrue(after - before >= 10, "the chain goes on under the next producer: " + before + " -> " + after);
        for (String name : rpc.keySet()) {
            if (name.equals(producer)) {
                continue;
            }
            Object parent = null;
            for (long n = 1; n <= after; n++) {
                Map<String, Object> b = rpc.get(name).block(n);
                assertTrue(b != null, name + " has no block " + n + " (a gap)");
                if (accepted.containsKey(n)) {
                    assertEquals(accepted.get(n), b.get("hash"), name + ": block " + n + " re-organised");
                }
                if (parent != null) {
                    assertEquals(parent, b.get("parentHash"), name + ": block " + n + " is not on its parent");
                }
                parent = b.get("hash");
            }
        }
        return producer;
    }

    /** Block hash and state root at every height up to {@code upTo}, node by node against n-any; counts differences. */
    private static int compareChains(Map<String, L2Rpc> rpc, long upTo) throws Exception {
        int mismatches = 0;
        for (long n = 1; n <= upTo; n++) {
            Map<String, Object> reference = null;
            for (L2Rpc r : rpc.values()) {
                Map<String, Object> b = r.block(n);
                if (reference == null) {
                    reference = b;
                } else if (b == null || !b.get("hash").equals(reference.get("hash"))
                        || !b.get("stateRoot").equals(reference.get("stateRoot"))) {
                    mismatches++;
                    System.out.println("l2 block " + n + " differs at " + r.url + ": " + b + " vs " + reference);
                }
            }
        }
        return mismatches;
    }

    private static void awaitHead(Devnet net, L2Rpc r, String what, Duration timeout, LongPredicate ok)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = r.blockNumber();
                if (ok.test(last)) {
                    return;
                }
            } catch (IOException notYet) {
                // the node is starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + " within " + timeout + " at " + r.url + ", head " + last + "\n" + net.tail(80));
    }

    private static String key(Credentials c) {
        return Numeric.toHexStringWithPrefixZeroPadded(c.getEcKeyPair().getPrivateKey(), 64);
    }

    /** The bad-input table of docs/json-rpc.md, sent to a live node: each gets an error; the node keeps serving. */
    static final class BadInputs {
        private BadInputs() {
        }

        static void sendTo(L2Rpc node, L2Rpc other, Credentials sender, long chainId) throws Exception {
            long nonce = Long.decode((String) node.result("eth_getTransactionCount",
                    "[\"" + sender.getAddress() + "\",\"pending\"]"));
            BigInteger fee = BigInteger.valueOf(3_000_000_000L);
            row(node, "malformed RLP", send(node, "0xf8ff0102"), "-32000");
            row(node, "wrong chain id", send(node, signed(sender, 1, nonce, fee, 21_000, "")), "chain");
            row(node, "nonce gap beyond the window", send(node, signed(sender, chainId, nonce + 10_000, fee, 21_000,
                    "")), "nonce too high");
            row(node, "oversized transaction (130 KiB)", send(node, signed(sender, chainId, nonce, fee, 5_000_000,
                    "00".repeat(130 * 1024))), "oversized");
            row(node, "invalid JSON", node.post("{\"jsonrpc\":\"2.0\",\"method\":"), "-32700");
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 10_000; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                        .append(",\"method\":\"eth_blockNumber\"}");
            }
            row(node, "a batch of 10,000 requests", node.post(batch.append(']').toString()), "-32600");
            connectionFlood(node, other);
            assertTrue(node.blockNumber() > 0, "the node still serves after the bad inputs");
        }

        private static String send(L2Rpc node, String rawHex) throws Exception {
            return node.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                    + rawHex + "\"]}");
        }

        private static String signed(Credentials c, long chainId, long nonce, BigInteger fee, long gas, String data) {
            RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                    BigInteger.valueOf(gas), DEV1, BigInteger.ONE, "0x" + data, BigInteger.valueOf(1_000_000_000L),
                    fee);
            return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, c));
        }

        private static void row(L2Rpc node, String input, String answer, String expected) throws Exception {
            assertTrue(answer.contains("\"error\""), input + ": an error answer, got " + answer);
            assertTrue(answer.contains(expected), input + ": the error names '" + expected + "': " + answer);
            System.out.println("bad input | " + input + " | " + shorten(answer));
            assertTrue(node.blockNumber() >= 0, "still serving after " + input);
        }

        /**
         * 300 connections from 127.0.0.1 (three times the per-address limit); past the limit they are closed at once.
         * A client on another loopback address (127.0.0.2) is served during the flood, and another node's chain goes on.
         */
        private static void connectionFlood(L2Rpc node, L2Rpc other) throws Exception {
            URI u = URI.create(node.url);
            List<Socket> flood = new ArrayList<>();
            int closedAtOnce = 0;
            long headBefore = other.blockNumber();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 3000);
                    flood.add(s);
                }
                for (Socket s : flood) {
                    s.setSoTimeout(50);
                    try {
                        if (s.getInputStream().read() < 0) {
                            closedAtOnce++;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // held open, below the limit
                    } catch (IOException reset) {
                        closedAtOnce++;
                    }
                }
                String answer = fromOtherAddress(u);
                assertTrue(answer.contains("\"result\""), "served from 127.0.0.2 during the flood: " + answer);
            } finally {
                for (Socket s : flood) {
                    s.close();
                }
            }
            assertTrue(closedAtOnce >= 200, "connections past the per-address limit are closed: " + closedAtOnce);
            System.out.println("bad input | connection flood (300 sockets) | " + closedAtOnce
                    + " closed at once, other clients served");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (other.blockNumber() <= headBefore && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(other.blockNumber() > headBefore, "the chain went on during the flood");
        }

        private static String fromOtherAddress(URI u) throws IOException {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress("127.0.0.2", 0));
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 3000);
                s.setSoTimeout(10_000);
                String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}";
                s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static String shorten(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "…" : s;
        }
    }
}
