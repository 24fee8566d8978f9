package seqpool.contracts.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The test-only {@code GasProbe} contract (src/test/solidity/GasProbe.sol) deployed on a chain, and typed calls to it
 * (eth_call: the EVM runs the same code and charges the same gas as in a transaction).
 */
public final class GasProbe {
    private final Chain chain;
    private final String from;
    private final String address;

    private GasProbe(Chain chain, String from, String address) {
        this.chain = chain;
        this.from = from;
        this.address = address;
    }

    public static GasProbe deploy(Chain chain, Credentials deployer) throws Exception {
        String bin;
        try (InputStream in = GasProbe.class.getResourceAsStream("/seqpool/contracts/test-artifacts/GasProbe.bin")) {
            if (in == null) {
                throw new IllegalStateException("GasProbe.bin is not on the test classpath (compiled from src/test/solidity)");
            }
            bin = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
        EthSendTransaction sent = chain.txManager(deployer).sendTransaction(Chain.GAS.getGasPrice(),
                BigInteger.valueOf(3_000_000), "", "0x" + bin, BigInteger.ZERO, true);
        if (sent.hasError()) {
            throw new IllegalStateException("GasProbe deployment: " + sent.getError().getMessage());
        }
        TransactionReceipt r = new PollingTransactionReceiptProcessor(chain.web3j(), 50, 400)
                .waitForTransactionReceipt(sent.getTransactionHash());
        if (!r.isStatusOK() || r.getContractAddress() == null) {
            throw new IllegalStateException("GasProbe deployment failed: " + r);
        }
        return new GasProbe(chain, deployer.getAddress(), r.getContractAddress());
    }

    /** Result of a measured check: whether it accepted, and the gas it used. */
    public record Measured(boolean ok, long gas) {
    }

    /** Gas of {@code FrostSecp256k1.verifyDigest(pkx, pkPrefix, digest, rx, ry, z)} and its verdict. */
    public Measured frostVerify(BigInteger pkx, int pkPrefix, byte[] digest, BigInteger rx, BigInteger ry, BigInteger z)
            throws IOException {
        Function f = new Function("frostVerify", List.of(new Uint256(pkx), new Uint256(pkPrefix), new Bytes32(digest),
                new Uint256(rx), new Uint256(ry), new Uint256(z)),
                List.of(new TypeReference<Bool>() { }, new TypeReference<Uint256>() { }));
        List<Type> out = call(f);
        return new Measured((Boolean) out.get(0).getValue(), ((BigInteger) out.get(1).getValue()).longValueExact());
    }

    /** Gas of OpenZeppelin {@code ECDSA.tryRecover(digest, v, r, s)}; ok = it recovered {@code expectedSigner}. */
    public Measured ecdsaRecover(byte[] digest, int v, byte[] r, byte[] s, String expectedSigner) throws IOException {
        Function f = new Function("ecdsaRecover", List.of(new Bytes32(digest), new Uint8(v), new Bytes32(r),
                new Bytes32(s)), List.of(new TypeReference<Address>() { }, new TypeReference<Uint256>() { }));
        List<Type> out = call(f);
        return new Measured(((String) out.get(0).getValue()).equalsIgnoreCase(expectedSigner),
                ((BigInteger) out.get(1).getValue()).longValueExact());
    }

    /** Gas of one CALL of {@code target} with {@code callData}: {cold, warm} (see GasProbe.sol). Reverts fail. */
    public long[] externalCall(String target, String callData) throws IOException {
        Function f = new Function("externalCall", List.of(new Address(target),
                new DynamicBytes(Numeric.hexStringToByteArray(callData))),
                List.of(new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
        List<Type> out = call(f);
        return new long[] {((BigInteger) out.get(0).getValue()).longValueExact(),
                ((BigInteger) out.get(1).getValue()).longValueExact()};
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<Type> call(Function f) throws IOException {
        EthCall r = chain.web3j().ethCall(Transaction.createEthCallTransaction(from, address,
                FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST).send();
        if (r.hasError() || r.isReverted()) {
            throw new IllegalStateException(f.getName() + " reverted: "
                    + (r.hasError() ? r.getError().getMessage() + " " + r.getError().getData() : r.getRevertReason()));
        }
        return FunctionReturnDecoder.decode(r.getValue(), (List) f.getOutputParameters());
    }
}
