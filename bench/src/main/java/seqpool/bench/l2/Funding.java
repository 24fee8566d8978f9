package seqpool.bench.l2;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Funds the senders from anvil's dev accounts before the load, in rounds of at most
 * {@link LoadAccounts#FUNDING_PER_ROUND} per dev account (the mempool keeps 64 per sender), each round waited for on
 * every node. Senders that still hold half the amount (an earlier run on the same chain) are skipped.
 */
final class Funding {
    private Funding() {
    }

    static void fund(List<JsonRpcHttp> nodes, List<Credentials> senders, BigInteger amount, long chainId)
            throws IOException, InterruptedException {
        JsonRpcHttp rpc = nodes.get(0);
        List<String> addresses = senders.stream().map(Credentials::getAddress).toList();
        List<BigInteger> balances = LoadAccounts.query(rpc, "eth_getBalance", addresses, "latest");
        List<List<String>> needy = new ArrayList<>();
        List<Credentials> dev = LoadAccounts.devAccounts();
        for (int d = 0; d < dev.size(); d++) {
            needy.add(new ArrayList<>());
        }
        int count = 0;
        for (int i = 0; i < addresses.size(); i++) {
            if (balances.get(i).compareTo(amount.shiftRight(1)) < 0) {
                needy.get(i % dev.size()).add(addresses.get(i));
                count++;
            }
        }
        if (count == 0) {
            System.out.println("funding: all senders already funded");
            return;
        }
        long t0 = System.nanoTime();
        JsonNode head = rpc.call("eth_getBlockByNumber", "latest", false);
        BigInteger baseFee = Numeric.decodeQuantity(head.path("baseFeePerGas").asText("0x0"));
        BigInteger priority = BigInteger.valueOf(1_000_000_000L);
        BigInteger maxFee = baseFee.shiftLeft(1).add(priority.multiply(BigInteger.TEN));
        List<String> devAddresses = dev.stream().map(Credentials::getAddress).toList();
        for (int round = 0; ; round++) {
            List<String> requests = new ArrayList<>();
            long[] expected = new long[dev.size()];
            List<BigInteger> devNonces = LoadAccounts.query(rpc, "eth_getTransactionCount", devAddresses, "pending");
            for (int d = 0; d < dev.size(); d++) {
                List<String> todo = needy.get(d);
                long nonce = devNonces.get(d).longValueExact();
                int n = Math.min(LoadAccounts.FUNDING_PER_ROUND, todo.size());
                for (int k = 0; k < n; k++) {
                    LoadAccounts.Signed tx = LoadAccounts.transfer(chainId, dev.get(d), nonce + k, todo.get(k), amount,
                            priority, maxFee);
                    requests.add(JsonRpcHttp.request(requests.size(), "eth_sendRawTransaction",
                            "[\"" + tx.raw() + "\"]"));
                }
                todo.subList(0, n).clear();
                expected[d] = nonce + n;
            }
            if (requests.isEmpty()) {
                break;
            }
            for (JsonNode r : rpc.batch(requests)) {
                if (r == null || r.has("error")) {
                    throw new IOException("funding transaction refused: " + r);
                }
            }
            for (JsonRpcHttp node : nodes) {
                awaitNonces(node, devAddresses, expected);
            }
        }
        System.out.printf("funding: %d senders funded with %s wei each in %.1f s%n", count, amount,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void awaitNonces(JsonRpcHttp node, List<String> devAddresses, long[] expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            List<BigInteger> now = LoadAccounts.query(node, "eth_getTransactionCount", devAddresses, "latest");
            boolean done = true;
            for (int d = 0; d < expected.length; d++) {
                done &= now.get(d).longValueExact() >= expected[d];
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("funding not included on " + node.uri() + " within 120 s: nonces " + now);
            }
            Thread.sleep(250);
        }
    }
}
