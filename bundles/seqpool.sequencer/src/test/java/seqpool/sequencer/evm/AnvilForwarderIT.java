package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.start;
import static seqpool.sequencer.evm.EvmFixtures.transfers;
import static seqpool.sequencer.evm.EvmFixtures.ts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Read access for the JSON-RPC layer: raw results, tag translation, and no way to write. */
class AnvilForwarderIT {

    @Test
    void forwardsReadsTranslatesTagsAndRefusesEverythingElse() throws Exception {
        try (AnvilEngine engine = start("forward")) {
            for (long n = 1; n <= 3; n++) {
                engine.produce(n, ts(n), transfers(2, 2, (n - 1)));
            }
            AtomicReference<String> finalized = new AtomicReference<>("0x1");
            AnvilForwarder rpc = engine.forwarder(tag -> "finalized".equals(tag) || "safe".equals(tag)
                    ? finalized.get() : tag);

            assertEquals(new RpcOutcome.Success(new RawJson("\"0x385\"")), rpc.forward("eth_chainId", RawJson.NULL));
            assertEquals(new RpcOutcome.Success(new RawJson("\"0x3\"")), rpc.forward("eth_blockNumber",
                    RawJson.EMPTY_ARRAY));
            assertEquals("0x1", field(rpc.forward("eth_getBlockByNumber", new RawJson("[\"finalized\",false]")),
                    "number"));
            finalized.set("0x2");
            assertEquals("0x2", field(rpc.forward("eth_getBlockByNumber", new RawJson("[\"safe\",false]")), "number"));
            assertEquals("0x3", field(rpc.forward("eth_getBlockByNumber", new RawJson("[\"latest\",true]")), "number"));
            assertEquals(Quantity.data(engine.headHash()),
                    field(rpc.forward("eth_getBlockByNumber", new RawJson("[\"latest\",false]")), "hash"));
            String nonce = ((RpcOutcome.Success) rpc.forward("eth_getTransactionCount",
                    RawJson.of(List.of(dev(0).getAddress())))).result().text();
            assertEquals("\"0x3\"", nonce, "an omitted block parameter is the head");
            String atBlock1 = ((RpcOutcome.Success) rpc.forward("eth_getTransactionCount",
                    RawJson.of(List.of(dev(0).getAddress(), Map.of("blockNumber", "finalized"))))).result().text();
            assertEquals("\"0x2\"", atBlock1, "EIP-1898 object, translated (finalized = 2)");

            for (String write : List.of("eth_sendRawTransaction", "eth_sendTransaction", "evm_mine", "evm_revert",
                    "anvil_setBalance", "anvil_rollback", "debug_traceTransaction", "eth_accounts", "eth_sign")) {
                RpcOutcome out = rpc.forward(write, new RawJson("[\"0x00\"]"));
                assertTrue(out instanceof RpcOutcome.Failure f && f.code() == -32601, write + ": " + out);
            }
            assertEquals(3, engine.headNumber());
            assertEquals("0x3", field(rpc.forward("eth_getBlockByNumber", new RawJson("[\"latest\",false]")), "number"),
                    "no block was mined");

            RpcOutcome notArray = rpc.forward("eth_getBalance", new RawJson("{\"a\":1}"));
            assertTrue(notArray instanceof RpcOutcome.Failure f && f.code() == -32602, notArray.toString());
            RpcOutcome anvilError = rpc.forward("eth_getBalance", new RawJson("[\"0x12\",\"latest\"]"));
            assertTrue(anvilError instanceof RpcOutcome.Failure, anvilError.toString());
            assertTrue(rpc.methods().contains("eth_call") && !rpc.methods().contains("eth_sendRawTransaction"));
        }
    }

    static Object field(RpcOutcome out, String name) {
        assertTrue(out instanceof RpcOutcome.Success, out.toString());
        return ((Map<?, ?>) ((RpcOutcome.Success) out).result().parse()).get(name);
    }
}
