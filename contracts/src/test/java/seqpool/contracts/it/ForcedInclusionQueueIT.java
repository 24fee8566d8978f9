package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import seqpool.contracts.deploy.DeployOptions;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.errors.ContractErrors;
import seqpool.contracts.errors.DecodedError;
import seqpool.contracts.testing.AnvilExtension;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.ForcedInclusionQueue;

/**
 * ForcedInclusionQueue as the deployer sets it up: sequential indices in the event, the exact fee kept by the
 * contract, the size bound (at and above it), the accumulator, every revert, and the addresses file with and without
 * the queue.
 */
@ExtendWith(AnvilExtension.class)
class ForcedInclusionQueueIT {
    private static final BigInteger FEE = DeployOptions.DEFAULT_FORCED_INCLUSION_FEE;
    private static final int MAX = 16_000;
    private Chain chain;
    private Deployment d;
    private Credentials user;
    private ForcedInclusionQueue queue;
    private String addr;

    @BeforeEach
    void deploy(Chain chain) throws Exception {
        this.chain = chain;
        d = new Deployment(chain);
        user = chain.newAccount();
        addr = d.addresses.forcedInclusionQueue().orElseThrow();
        queue = ForcedInclusionQueue.load(addr, chain.web3j(), chain.txManager(user), Chain.GAS);
    }

    @Test
    void messagesGetSequentialIndicesAndTheFeeStaysInTheContract() throws Exception {
        assertEquals(FEE, queue.fee().send());
        assertEquals(BigInteger.valueOf(MAX), queue.MAX_TX_BYTES().send());
        assertEquals(BigInteger.ZERO, queue.length().send());
        assertArrayEquals(new byte[32], queue.accumulator().send());
        byte[] a = Numeric.hexStringToByteArray("0x02f86c827a69");
        byte[] b = new byte[MAX]; // exactly at the bound
        b[0] = (byte) 0xf8;
        byte[] acc = new byte[32];
        int i = 0;
        for (byte[] tx : List.of(a, b, a)) {
            TransactionReceipt r = ok(queue.enqueue(tx, FEE));
            List<ForcedInclusionQueue.ForcedTransactionQueuedEventResponse> events = ForcedInclusionQueue
                    .getForcedTransactionQueuedEvents(r);
            assertEquals(1, events.size());
            assertEquals(BigInteger.valueOf(i), events.get(0).index);
            assertEquals(user.getAddress(), events.get(0).sender.toLowerCase());
            assertArrayEquals(tx, events.get(0).signedTx);
            acc = Hash.sha3(Numeric.hexStringToByteArray(TypeEncoder.encode(new Bytes32(acc))
                    + TypeEncoder.encode(new Uint256(i)) + TypeEncoder.encode(new Bytes32(Hash.sha3(tx)))));
            i++;
        }
        assertEquals(BigInteger.valueOf(3), queue.length().send());
        assertArrayEquals(acc, queue.accumulator().send(), "keccak256(previous, index, keccak256(tx)) chained");
        BigInteger balance = chain.web3j().ethGetBalance(addr, DefaultBlockParameterName.LATEST).send().getBalance();
        assertEquals(FEE.multiply(BigInteger.valueOf(3)), balance, "the fees stay in the queue (burnt)");
    }

    @Test
    void everyRevert() throws Exception {
        String from = user.getAddress();
        chain.expectRevert(from, addr, queue.enqueue(new byte[0], FEE), "EmptyTransaction");
        byte[] big = new byte[MAX + 1];
        DecodedError tooLarge = revertWithValue(from, queue.enqueue(big, FEE).encodeFunctionCall(), FEE);
        assertEquals("TransactionTooLarge", tooLarge.name());
        assertEquals(List.of(BigInteger.valueOf(16_001), BigInteger.valueOf(16_000)), tooLarge.args());
        byte[] tx = {1, 2, 3};
        String call = queue.enqueue(tx, FEE).encodeFunctionCall();
        assertEquals("WrongFee", revertWithValue(from, call, BigInteger.ZERO).name());
        assertEquals("WrongFee", revertWithValue(from, call, FEE.subtract(BigInteger.ONE)).name());
        DecodedError over = revertWithValue(from, call, FEE.add(BigInteger.ONE));
        assertEquals(List.of(FEE.add(BigInteger.ONE), FEE), over.args(), "an overpayment is refused, not kept");
        assertEquals(BigInteger.ZERO, queue.length().send(), "nothing was queued");
    }

    @Test
    void aZeroFeeQueueTakesNoValue() throws Exception {
        ForcedInclusionQueue free = ForcedInclusionQueue.deploy(chain.web3j(), chain.txManager(user), Chain.GAS,
                BigInteger.ZERO).send();
        ok(free.enqueue(new byte[] {7}, BigInteger.ZERO));
        assertEquals("WrongFee", revertWithValue(user.getAddress(), free.getContractAddress(),
                free.enqueue(new byte[] {7}, BigInteger.ZERO).encodeFunctionCall(), BigInteger.ONE).name());
        assertEquals(BigInteger.ONE, free.length().send());
    }

    @Test
    void addressesFileKeepsTheQueueAndOldFilesStayReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("contracts.yaml");
        d.addresses.writeTo(file);
        assertTrue(Files.readString(file).contains("forcedInclusionQueue: \"" + addr + "\""));
        assertEquals(d.addresses, DeployedContracts.readFrom(file));
        List<String> old = Files.readAllLines(file).stream().filter(l -> !l.startsWith("forcedInclusionQueue")).toList();
        Files.write(file, old);
        DeployedContracts before = DeployedContracts.readFrom(file);
        assertEquals(Optional.empty(), before.forcedInclusionQueue());
        assertEquals(d.addresses.lockingPool(), before.lockingPool());
        Files.writeString(file, Files.readString(file) + "forcedInclusionQueue: \"0x12\"\n");
        try {
            DeployedContracts.readFrom(file);
            fail("a malformed queue address must be refused");
        } catch (java.io.IOException e) {
            assertTrue(e.getMessage().contains("forcedInclusionQueue"), e.getMessage());
        }
    }

    private DecodedError revertWithValue(String from, String data, BigInteger value) throws Exception {
        return revertWithValue(from, addr, data, value);
    }

    private DecodedError revertWithValue(String from, String to, String data, BigInteger value) throws Exception {
        EthCall r = chain.web3j().ethCall(Transaction.createFunctionCallTransaction(from, null, null, null, to, value,
                data), DefaultBlockParameterName.PENDING).send();
        if (!r.hasError()) {
            fail("expected a revert, the call succeeded");
        }
        String revert = r.getError().getData();
        assertNotNull(revert, r.getError().getMessage());
        return ContractErrors.get().decode(revert.replace("\"", "")).orElseThrow();
    }
}
