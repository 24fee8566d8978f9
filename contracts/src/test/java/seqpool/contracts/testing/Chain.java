package seqpool.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.contracts.errors.ContractErrors;
import seqpool.contracts.errors.DecodedError;

/** A web3j view of the shared anvil node with test helpers: funded fresh accounts, time travel, revert checks. */
public final class Chain implements AutoCloseable {
    public static final long CHAIN_ID = 31337;
    public static final ContractGasProvider GAS =
            new StaticGasProvider(BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(12_000_000));

    private final Web3j web3j;
    private final HttpService http;
    private final SecureRandom random = new SecureRandom();

    public Chain(String rpcUrl) {
        this.http = new HttpService(rpcUrl);
        this.web3j = Web3j.build(http, 100, java.util.concurrent.Executors.newScheduledThreadPool(1));
    }

    public Web3j web3j() {
        return web3j;
    }

    public String rpcUrl() {
        return http.getUrl();
    }

    /** A fresh account holding 1000 ETH. */
    public Credentials newAccount() {
        try {
            Credentials c = Credentials.create(Keys.createEcKeyPair(random));
            rpc("anvil_setBalance", List.of(c.getAddress(), "0x3635C9ADC5DEA00000"));
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ECKeyPair newKey() {
        try {
            return Keys.createEcKeyPair(random);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public TransactionManager txManager(Credentials c) {
        return new FastRawTransactionManager(web3j, c, CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 50, 400));
    }

    public void increaseTime(long seconds) {
        rpc("evm_increaseTime", List.of(seconds));
        mine();
    }

    public void mine() {
        rpc("evm_mine", List.of());
    }

    public void mineBlocks(int n) {
        rpc("anvil_mine", List.of(Numeric.toHexStringWithPrefix(BigInteger.valueOf(n))));
    }

    public long blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public long timestamp() {
        try {
            return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp()
                    .longValueExact();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rpc(String method, List<?> params) {
        try {
            Response<?> r = new Request<>(method, params, http, RawResponse.class).send();
            if (r.hasError()) {
                throw new IllegalStateException(method + ": " + r.getError().getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the call and asserts it succeeded. */
    public static TransactionReceipt ok(RemoteFunctionCall<TransactionReceipt> call) {
        try {
            TransactionReceipt r = call.send();
            assertTrue(r.isStatusOK(), "transaction failed: " + r);
            return r;
        } catch (Exception e) {
            throw new AssertionError("transaction failed: " + e.getMessage(), e);
        }
    }

    /**
     * Asserts that {@code call}, sent by {@code from} to {@code to}, reverts with the custom error {@code errorName}
     * (checked with eth_call, so no state changes); returns the decoded error.
     */
    public DecodedError expectRevert(String from, String to, RemoteFunctionCall<?> call, String errorName) {
        try {
            EthCall r = web3j.ethCall(Transaction.createEthCallTransaction(from, to, call.encodeFunctionCall()),
                    DefaultBlockParameterName.PENDING).send();
            if (!r.hasError()) {
                fail("expected revert " + errorName + " but the call succeeded");
            }
            String data = r.getError().getData();
            assertNotNull(data, "revert without data: " + r.getError().getMessage());
            DecodedError e = ContractErrors.get().decode(data.replace("\"", ""))
                    .orElseThrow(() -> new AssertionError("undecodable revert " + data));
            assertEquals(errorName, e.name(), "revert reason " + e);
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    public static final class RawResponse extends Response<Object> {
    }
}
