package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.call;
import static seqpool.sequencer.evm.EvmFixtures.create;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.start;
import static seqpool.sequencer.evm.EvmFixtures.ts;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ContractUtils;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.BlockExecution;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * Contracts execute the same on two engines: the contracts module's compiled ERC-20 ({@code TestStakeToken}) and a
 * 10-byte counter; the results are read through the forwarder on both.
 */
class AnvilContractIT {
    /** Runtime: slot0 += 1 (PUSH1 1, PUSH1 0, SLOAD, ADD, PUSH1 0, SSTORE, STOP). */
    static final String COUNTER_RUNTIME = "60016000540160005500";
    /** Init code: CODECOPY the 10 runtime bytes at offset 12 to memory 0 and RETURN them. */
    static final String COUNTER_INIT = "0x600a600c600039600a6000f3" + COUNTER_RUNTIME;
    static final BigInteger GAS = BigInteger.valueOf(3_000_000);

    static String encode(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    @Test
    void deploymentsAndCallsGiveTheSameBlocksAndStateOnTwoEngines() throws Exception {
        String owner = dev(0).getAddress();
        String token = ContractUtils.generateContractAddress(owner, BigInteger.ZERO);
        String counter = ContractUtils.generateContractAddress(dev(1).getAddress(), BigInteger.ZERO);
        List<List<Bytes>> blocks = List.of(
                List.of(create(dev(0), 0, TestStakeToken.BINARY + FunctionEncoder.encodeConstructor(
                        List.of(new Address(owner))), GAS), create(dev(1), 0, COUNTER_INIT, GAS)),
                List.of(call(dev(0), 1, token, BigInteger.ZERO, encode("mint", new Address(dev(2).getAddress()),
                        new Uint256(1000)), GAS), call(dev(1), 1, counter, BigInteger.ZERO, "", GAS)),
                List.of(call(dev(2), 0, token, BigInteger.ZERO, encode("transfer", new Address(dev(3).getAddress()),
                        new Uint256(400)), GAS), call(dev(1), 2, counter, BigInteger.ZERO, "", GAS),
                        call(dev(1), 3, counter, BigInteger.ZERO, "", GAS)));
        try (AnvilEngine a = start("contract-a"); AnvilEngine b = start("contract-b")) {
            for (int i = 0; i < blocks.size(); i++) {
                long n = i + 1;
                BlockExecution made = a.produce(n, ts(n), blocks.get(i));
                assertEquals(blocks.get(i), made.included(), "block " + n + " " + made.rejected());
                BlockExecution replayed = b.replay(n, ts(n), made.included(), made.stateRoot());
                assertEquals(made.engineBlockHash(), replayed.engineBlockHash());
            }
            for (AnvilEngine e : List.of(a, b)) {
                AnvilForwarder rpc = e.forwarder(BlockTagHook.identity());
                assertEquals("0x" + COUNTER_RUNTIME, result(rpc, "eth_getCode", counter, "latest"));
                assertEquals(BigInteger.valueOf(3), Quantity.big(result(rpc, "eth_getStorageAt", counter, "0x0", "latest")));
                Map<String, Object> balanceOf = new LinkedHashMap<>();
                balanceOf.put("to", token);
                balanceOf.put("data", encode("balanceOf", new Address(dev(3).getAddress())));
                assertEquals(BigInteger.valueOf(400), Quantity.big(result(rpc, "eth_call", balanceOf)));
                balanceOf.put("data", encode("balanceOf", new Address(dev(2).getAddress())));
                assertEquals(BigInteger.valueOf(600), Quantity.big(result(rpc, "eth_call", balanceOf, "0x3")));
                assertEquals(BigInteger.ZERO, Quantity.big(result(rpc, "eth_call", balanceOf, "0x1")), "before the mint");
                Map<String, Object> filter = new LinkedHashMap<>();
                filter.put("fromBlock", "0x0");
                filter.put("address", token);
                List<?> logs = (List<?>) result(rpc, "eth_getLogs", filter);
                assertEquals(3, logs.size(), "OwnershipTransferred, mint, transfer: " + logs);
            }
        }
    }

    static Object result(AnvilForwarder rpc, String method, Object... params) {
        RpcOutcome out = rpc.forward(method, RawJson.of(List.of(params)));
        assertTrue(out instanceof RpcOutcome.Success, method + ": " + out);
        return ((RpcOutcome.Success) out).result().parse();
    }
}
