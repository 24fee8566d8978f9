package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.BatchInbox;

/**
 * Batches to L1 end to end, from the executable jar: {@code seqpool devnet --nodes 4} takes L2 transactions, and the
 * pool proposes, re-derives, threshold-signs and posts batches to anvil's BatchInbox as EIP-4844 blobs; the L2
 * {@code safe} and {@code finalized} heads advance (JSON-RPC tags and {@code /status}). Then the designated submitter of
 * a batch is killed as soon as its batch is being signed, and a fallback posts that batch. Last, {@code seqpool derive}
 * rebuilds the chain from L1 alone and matches a node block by block. Prints {@code FIGURE batches_posted_blob},
 * {@code FIGURE l2_safe_head}, {@code FIGURE l2_finalized_head}, {@code FIGURE batch_fallback_seconds},
 * {@code FIGURE derive_blocks_matched} and {@code FIGURE derive_blocks_mismatched}.
 */
class BatchDevnetIT {
    private static final Duration LONG = Duration.ofSeconds(240);
    private static final long CHAIN_ID = 901;
    private static final Credentials DEV0 = Credentials.create(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final String DEV1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    @Test
    void thePoolPostsSignedBlobBatchesAndAFallbackReplacesAKilledSubmitter() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "batch-devnet", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        int base = 20_000 + new java.util.Random().nextInt(11_000);
        try (Devnet net = Devnet.start(dir, "--nodes", "4", "--base-port", Integer.toString(base), "--epoch-length",
                "20", "--block-time-ms", "1000", "--producer-timeout-ms", "3000", "--batch-age-ms", "5000")) {
            net.awaitRunning(Duration.ofSeconds(180));
            Map<String, L2Rpc> rpc = new LinkedHashMap<>();
            for (Map<String, Object> n : net.nodes()) {
                rpc.put((String) n.get("name"), new L2Rpc((String) n.get("rpc")));
            }
            net.await("n1", "a first L2 block", LONG, s -> PoolDevnetIT.l2Head(s) >= 1);
            sendTransfers(rpc.get("n2"), 12);

            Map<String, Object> s = net.await("n1", "two batches on L1", LONG, st -> lastIndex(st) >= 2);
            Web3j l1 = Web3j.build(new HttpService(net.l1()));
            try {
                DeployedContracts c = DeployedContracts.readFrom(net.dir.resolve("contracts.yaml"));
                List<Log> appended = appended(l1, c.batchInbox());
                int blobs = 0;
                for (Log log : appended) {
                    var e = BatchInbox.getBatchAppendedEventFromLog(log);
                    Transaction tx = l1.ethGetTransactionByHash(log.getTransactionHash()).send().getTransaction()
                            .orElseThrow();
                    if (e.dataKind.intValue() == 1) {
                        assertEquals("0x3", tx.getType(), "a blob batch travels in a type-3 transaction");
                        assertTrue(tx.getBlobVersionedHashes() != null && !tx.getBlobVersionedHashes().isEmpty());
                        blobs++;
                    }
                }
                System.out.println("FIGURE batches_posted_blob " + blobs);
                assertTrue(blobs >= 2, "batches go to L1 as blobs at anvil's fees: " + appended.size() + " batches, "
                        + blobs + " blobs");

                long safe = ((Number) PoolDevnetIT.map(s.get("l2")).get("safe")).longValue();
                assertTrue(safe >= 1 && safe <= PoolDevnetIT.l2Head(s), "safe within the head: " + s.get("l2"));
                long safeTag = Long.decode((String) blockByTag(rpc.get("n3"), "safe").get("number"));
                assertTrue(safeTag >= 1, "eth_getBlockByNumber(\"safe\") names a block");
                System.out.println("FIGURE l2_safe_head " + safeTag);
                Map<String, Object> fin = net.await("n2", "a finalized L2 head", LONG,
                        st -> ((Number) PoolDevnetIT.map(st.get("l2")).get("finalized")).longValue() >= 1);
                long finTag = Long.decode((String) blockByTag(rpc.get("n2"), "finalized").get("number"));
                assertTrue(finTag >= 1 && finTag <= ((Number) PoolDevnetIT.map(fin.get("l2")).get("safe")).longValue(),
                        "finalized <= safe: " + fin.get("l2"));
                System.out.println("FIGURE l2_finalized_head " + finTag);
                submitterMetricsAddUp(net);

                String survivor = fallbackReplacesAKilledSubmitter(net, rpc, l1, c);
                deriveMatchesTheNodes(net, survivor);
            } finally {
                l1.shutdown();
            }
            String log = Files.readString(net.log);
            assertTrue(!log.contains("L2 HALTED"), "no node halted its L2:\n" + net.tail(60));
        }
    }

    /**
     * The submitters' metrics agree with L1: the batches the nodes say they posted themselves are the batches L1 holds
     * (each posted once; {@code other} counts the rest), each node signed batches through the TSS, and the L1 gas the
     * posters paid is real gas. Prints {@code FIGURE batch_l1_gas_per_batch} (execution gas per batch, from receipts).
     */
    private static void submitterMetricsAddUp(Devnet net) throws Exception {
        double own = 0;
        double gas = 0;
        double blobGas = 0;
        double signings = 0;
        for (Map<String, Object> n : net.nodes()) {
            MetricsText m = MetricsText.parse(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(n.get("admin") + "/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            own += m.value("seqpool_submitter_batches_total", Map.of("posted_by", "self"));
            gas += m.value("seqpool_submitter_l1_gas_used_total", Map.of("outcome", "confirmed"));
            blobGas += m.value("seqpool_submitter_l1_blob_gas_used_total", Map.of("outcome", "confirmed"));
            signings += m.value("seqpool_tss_sessions_completed_total", Map.of("session", "sign"));
            assertTrue(m.value("seqpool_submitter_last_l2_block_on_l1") >= 1, n.get("name") + " safe head metric");
            assertTrue(m.has("seqpool_sequencer_blocks_total") && m.has("seqpool_submitter_batch_lag_seconds"),
                    n.get("name") + " sequencer and submitter metrics");
        }
        long onL1 = lastIndex(net.await("n1", "its status", LONG, st -> true)); // read after: it can only grow
        assertTrue(own >= 2 && own <= onL1, "batches posted by the nodes themselves: " + own + ", on L1: " + onL1);
        assertTrue(gas > 21_000 * own, "execution gas from the receipts: " + gas);
        assertTrue(blobGas >= 131_072, "blob batches pay blob gas (at least one blob): " + blobGas);
        assertTrue(signings >= own, "threshold signings done: " + signings);
        System.out.println("FIGURE batch_l1_gas_per_batch " + Math.round(gas / own));
    }

    /**
     * The designated submitter dies while posting: L1 stops mining, the next batch is proposed and signed, and once its
     * proposer has sent the batch transaction the test SIGKILLs it and drops that transaction from anvil's pool (it
     * never reached a block, as when a submitter dies before its transaction spreads). L1 mines again, and the next
     * poster in rank, finding the batch still missing on L1 after {@code submitTimeoutMs}, posts it. Prints
     * {@code FIGURE batch_fallback_seconds}: from the kill to the batch on L1. Returns a surviving node.
     */
    private static String fallbackReplacesAKilledSubmitter(Devnet net, Map<String, L2Rpc> rpc, Web3j l1,
            DeployedContracts c) throws Exception {
        Map<String, String> names = new HashMap<>();
        net.nodes().forEach(n -> names.put(((String) n.get("address")).toLowerCase(Locale.ROOT), (String) n.get("name")));
        L2Rpc anvil = new L2Rpc(net.l1());
        net.await("n1", "no batch being signed", LONG,
                st -> PoolDevnetIT.map(PoolDevnetIT.map(st.get("batches")).get("signing")).isEmpty());
        anvil.result("evm_setIntervalMining", "[0]");
        String proposer;
        String l1Tx;
        long index;
        try {
            sendTransfers(rpc.get("n3"), 4);
            Map<String, Object> s = net.await("n1", "a batch being signed while L1 does not mine", LONG,
                    st -> !PoolDevnetIT.map(PoolDevnetIT.map(st.get("batches")).get("signing")).isEmpty());
            Map<String, Object> signing = PoolDevnetIT.map(PoolDevnetIT.map(s.get("batches")).get("signing"));
            index = ((Number) signing.get("index")).longValue();
            proposer = names.get(((String) signing.get("proposer")).toLowerCase(Locale.ROOT));
            Map<String, Object> own = net.await(proposer, "its batch transaction sent", LONG, st -> PoolDevnetIT
                    .map(PoolDevnetIT.map(st.get("batches")).get("signing")).containsKey("l1Tx"));
            l1Tx = (String) PoolDevnetIT.map(PoolDevnetIT.map(own.get("batches")).get("signing")).get("l1Tx");
            ProcessHandle.of(((Number) net.node(proposer).get("pid")).longValue()).orElseThrow().destroyForcibly();
            anvil.result("anvil_dropTransaction", "[\"" + l1Tx + "\"]");
        } finally {
            anvil.result("evm_setIntervalMining", "[1]");
        }
        long killedAt = System.nanoTime();
        String watcher = proposer.equals("n1") ? "n2" : "n1";
        long idx = index;
        net.await(watcher, "batch " + index + " on L1 after its submitter " + proposer + " was killed", LONG,
                st -> lastIndex(st) >= idx);
        System.out.println("FIGURE batch_fallback_seconds " + (System.nanoTime() - killedAt) / 1_000_000_000L);
        Log log = appended(l1, c.batchInbox()).stream()
                .filter(l -> BatchInbox.getBatchAppendedEventFromLog(l).index.longValue() == idx).findFirst()
                .orElseThrow();
        Transaction tx = l1.ethGetTransactionByHash(log.getTransactionHash()).send().getTransaction().orElseThrow();
        String poster = names.get(tx.getFrom().toLowerCase(Locale.ROOT));
        assertNotEquals(proposer, poster, "batch " + index + " was posted by a fallback, not the killed " + proposer);
        assertNotEquals(l1Tx, tx.getHash(), "the killed submitter's transaction never reached L1");
        return watcher;
    }

    /**
     * {@code seqpool derive} rebuilds the L2 chain from L1 alone (the batches' blobs, the producer schedule, re-execution
     * in a fresh EVM) and compares it block by block with a live node. Its FIGURE lines are the CI's.
     */
    private static void deriveMatchesTheNodes(Devnet net, String node) throws Exception {
        Map<String, Object> s = net.status(node).orElseThrow();
        long safe = ((Number) PoolDevnetIT.map(s.get("l2")).get("safe")).longValue();
        String out = net.cli("derive", "--config", (String) net.node(node).get("config"), "--compare",
                (String) net.node(node).get("rpc"));
        long matched = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("FIGURE ")) {
                System.out.println(line);
            }
            if (line.startsWith("FIGURE derive_blocks_matched ")) {
                matched = Long.parseLong(line.substring("FIGURE derive_blocks_matched ".length()).trim());
            }
        }
        assertTrue(out.contains("FIGURE derive_blocks_mismatched 0"), out);
        assertTrue(matched >= safe, "derive matched " + matched + " blocks, the safe head was " + safe + ":\n" + out);
    }

    private static long lastIndex(Map<String, Object> st) {
        return ((Number) PoolDevnetIT.map(st.get("batches")).get("lastIndex")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> blockByTag(L2Rpc r, String tag) throws Exception {
        return (Map<String, Object>) r.result("eth_getBlockByNumber", "[\"" + tag + "\",false]");
    }

    private static List<Log> appended(Web3j l1, String inbox) throws Exception {
        EthFilter f = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, inbox);
        f.addSingleTopic(org.web3j.abi.EventEncoder.encode(BatchInbox.BATCHAPPENDED_EVENT));
        List<Log> out = new ArrayList<>();
        for (EthLog.LogResult<?> r : l1.ethGetLogs(f).send().getLogs()) {
            out.add((Log) r.get());
        }
        return out;
    }

    /** {@code count} ether transfers from anvil's first dev account, sent to one node (which forwards them). */
    static void sendTransfers(L2Rpc node, int count) throws Exception {
        long nonce = Long.decode((String) node.result("eth_getTransactionCount",
                "[\"" + DEV0.getAddress() + "\",\"pending\"]"));
        for (int i = 0; i < count; i++) {
            RawTransaction tx = RawTransaction.createEtherTransaction(CHAIN_ID, BigInteger.valueOf(nonce + i),
                    BigInteger.valueOf(21_000), DEV1, BigInteger.valueOf(1_000 + i), BigInteger.valueOf(1_000_000_000L),
                    BigInteger.valueOf(3_000_000_000L));
            String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, CHAIN_ID, DEV0));
            node.result("eth_sendRawTransaction", "[\"" + raw + "\"]");
        }
    }
}
