package seqpool.staking.l1;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.service.TxSignService;
import org.web3j.service.TxSignServiceImpl;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.api.common.Hash32;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.TxOutcome;
import seqpool.contracts.errors.ContractErrors;

/**
 * Sends an account's transactions one at a time: estimates gas (a revert there is reported with its decoded reason
 * and nothing is sent), prices them EIP-1559 style (2 × base fee + tip), keeps the nonce locally (first read as the
 * account's pending count) and re-reads it from the node after any failure, signs with the account's
 * {@link TxSignService}, waits for the receipt, and on an on-chain revert replays the call at that block to recover
 * the reason. Thread-safe (calls are serialized).
 *
 * <p>Security: the key stays inside the sign service (web3j's {@link Credentials} for an operator key file, a
 * {@link NodeSignerTxSigner} for the node's signer); nothing here logs it.
 */
public final class L1Transactions {
    private static final System.Logger LOG = System.getLogger(L1Transactions.class.getName());
    private static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

    private final Web3j web3j;
    private final TxSignService signer;
    private final long chainId;
    private final PollingTransactionReceiptProcessor receipts;
    private BigInteger nextNonce;

    public L1Transactions(Web3j web3j, Credentials credentials, long chainId, Duration pollInterval, Duration timeout) {
        this(web3j, new TxSignServiceImpl(credentials), chainId, pollInterval, timeout);
    }

    public L1Transactions(Web3j web3j, TxSignService signer, long chainId, Duration pollInterval, Duration timeout) {
        this.web3j = web3j;
        this.signer = signer;
        this.chainId = chainId;
        this.receipts = receiptProcessor(web3j, pollInterval, timeout);
    }

    /** Polls every {@code pollInterval} (at least 10 ms) until {@code timeout}. */
    static PollingTransactionReceiptProcessor receiptProcessor(Web3j web3j, Duration pollInterval, Duration timeout) {
        long pollMs = Math.max(10, pollInterval.toMillis());
        return new PollingTransactionReceiptProcessor(web3j, pollMs, (int) Math.max(1, timeout.toMillis() / pollMs));
    }

    public String from() {
        return signer.getAddress();
    }

    public long chainId() {
        return chainId;
    }

    /** Sends {@code data} to {@code to}; {@code what} names the call in errors (e.g. "lockFor"). */
    public synchronized TxOutcome send(String to, String data, String what) throws StakingException {
        try {
            BigInteger gasLimit = estimate(to, data, what);
            BigInteger tip = tip();
            BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getBaseFeePerGas();
            BigInteger maxFee = baseFee.shiftLeft(1).add(tip);
            EthSendTransaction sent = submit(to, data, BigInteger.ZERO, gasLimit, tip, maxFee, what);
            if (sent.hasError()) {
                throw new StakingException(what + " was not accepted by the node: " + sent.getError().getMessage(),
                        reason(sent).orElse(null));
            }
            TransactionReceipt r = receipts.waitForTransactionReceipt(sent.getTransactionHash());
            if (!r.isStatusOK()) {
                String reason = replay(to, data, r.getBlockNumber()).orElse("(no revert data)");
                throw new StakingException(what + " failed on chain in tx " + r.getTransactionHash(), reason);
            }
            LOG.log(System.Logger.Level.DEBUG, "{0} mined in block {1}, gas {2}", what, r.getBlockNumber(), r.getGasUsed());
            return new TxOutcome(Hash32.fromHex(r.getTransactionHash()), r.getBlockNumber().longValueExact(),
                    r.getGasUsed().longValueExact());
        } catch (IOException | TransactionException e) {
            nextNonce = null;
            throw new StakingException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Signs an EIP-1559 transaction with the next nonce and hands it to the node, without waiting for it. When the
     * node answers that the nonce is stale (the account was used elsewhere), the nonce is re-read once and the
     * transaction re-signed; any other rejection makes the next call re-read it. {@code what} names it in the log.
     */
    public synchronized EthSendTransaction submit(String to, String data, BigInteger value, BigInteger gasLimit,
            BigInteger tip, BigInteger maxFee, String what) throws IOException {
        try {
            BigInteger nonce = nonce();
            EthSendTransaction sent = signAndSend(to, data, value, gasLimit, tip, maxFee, nonce);
            if (sent.hasError() && sent.getError().getMessage().toLowerCase(java.util.Locale.ROOT).contains("nonce")) {
                // the account was used elsewhere since we last read its nonce: re-read once and resend
                LOG.log(System.Logger.Level.INFO, "{0}: {1}; re-reading the nonce", what, sent.getError().getMessage());
                nextNonce = null;
                nonce = nonce();
                sent = signAndSend(to, data, value, gasLimit, tip, maxFee, nonce);
            }
            nextNonce = sent.hasError() ? null : nonce.add(BigInteger.ONE);
            return sent;
        } catch (IOException | RuntimeException e) {
            nextNonce = null;
            throw e;
        }
    }

    private EthSendTransaction signAndSend(String to, String data, BigInteger value, BigInteger gasLimit,
            BigInteger tip, BigInteger maxFee, BigInteger nonce) throws IOException {
        RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, gasLimit, to, value, data, tip, maxFee);
        return web3j.ethSendRawTransaction(Numeric.toHexString(signer.sign(tx, chainId))).send();
    }

    private BigInteger estimate(String to, String data, String what) throws IOException, StakingException {
        EthEstimateGas est = web3j.ethEstimateGas(Transaction.createEthCallTransaction(from(), to, data)).send();
        if (est.hasError()) {
            String reason = reason(est).orElse(est.getError().getMessage());
            throw new StakingException(what + " would revert (gas estimation)", reason);
        }
        BigInteger g = est.getAmountUsed();
        return g.add(g.divide(BigInteger.valueOf(5))).add(BigInteger.valueOf(5_000)); // +20 % + margin
    }

    private BigInteger tip() {
        try {
            var r = web3j.ethMaxPriorityFeePerGas().send();
            return r.hasError() ? DEFAULT_TIP : r.getMaxPriorityFeePerGas();
        } catch (IOException | RuntimeException e) {
            return DEFAULT_TIP;
        }
    }

    private BigInteger nonce() throws IOException {
        if (nextNonce == null) {
            nextNonce = web3j.ethGetTransactionCount(from(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
        }
        return nextNonce;
    }

    private Optional<String> replay(String to, String data, BigInteger block) throws IOException {
        EthCall c = web3j.ethCall(Transaction.createEthCallTransaction(from(), to, data),
                DefaultBlockParameter.valueOf(block)).send();
        return c.hasError() ? reason(c) : Optional.empty();
    }

    static Optional<String> reason(Response<?> r) {
        if (r.getError() == null) {
            return Optional.empty();
        }
        String data = r.getError().getData();
        if (data == null || data.isBlank() || data.equals("null")) {
            return Optional.of(r.getError().getMessage());
        }
        return Optional.of(ContractErrors.get().describe(data.replace("\"", "")));
    }
}
