package seqpool.staking.l1;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.exceptions.ContractCallException;

import seqpool.api.common.Address;
import seqpool.api.identity.NodeSigner;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.TxOutcome;

/**
 * A web3j {@link TransactionManager} whose account is the node's signer key: every transaction is an EIP-1559
 * transaction for the L1's own chain id (read at {@link #connect}), signed by the {@link NodeSigner} through
 * {@link NodeSignerTxSigner}, with nonces kept by {@link L1Transactions} (pending count from L1, serialized sends,
 * re-read after a failure). {@link #send} is the full path — gas estimation with a margin, fees from
 * {@code eth_maxPriorityFeePerGas} and the base fee, receipt polling with a timeout, revert reasons decoded — and the
 * {@code TransactionManager} methods let web3j's generated contract wrappers send through the same account (a legacy
 * gas price becomes an EIP-1559 transaction with both fee caps at that price). Thread-safe.
 *
 * <p>Security: there are no web3j {@code Credentials}; the key never leaves the signer.
 */
public final class NodeSignerTransactionManager extends TransactionManager {
    private final Web3j web3j;
    private final NodeSigner signer;
    private final L1Transactions transactions;

    private NodeSignerTransactionManager(Web3j web3j, NodeSigner signer, long chainId, Duration pollInterval,
            Duration timeout) {
        super(L1Transactions.receiptProcessor(web3j, pollInterval, timeout), signer.address().toHex());
        this.web3j = web3j;
        this.signer = signer;
        this.transactions = new L1Transactions(web3j, new NodeSignerTxSigner(signer), chainId, pollInterval, timeout);
    }

    /**
     * Reads the chain id from L1 and returns a manager for {@code signer}'s account; receipts are polled every
     * {@code pollInterval} for at most {@code timeout}.
     */
    public static NodeSignerTransactionManager connect(Web3j web3j, NodeSigner signer, Duration pollInterval,
            Duration timeout) throws IOException {
        EthChainId id = web3j.ethChainId().send();
        if (id.hasError()) {
            throw new IOException("eth_chainId failed: " + id.getError().getMessage());
        }
        return new NodeSignerTransactionManager(web3j, signer, id.getChainId().longValueExact(), pollInterval, timeout);
    }

    public Address account() {
        return signer.address();
    }

    public long chainId() {
        return transactions.chainId();
    }

    /** Estimates, prices, signs and sends {@code data} to {@code to}, then waits for the receipt (see L1Transactions). */
    public TxOutcome send(String to, String data, String what) throws StakingException {
        return transactions.send(to, data, what);
    }

    @Override
    public EthSendTransaction sendEIP1559Transaction(long chainId, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, BigInteger gasLimit, String to, String data, BigInteger value, boolean constructor)
            throws IOException {
        if (chainId != chainId()) {
            throw new IllegalArgumentException("this manager signs for chain " + chainId() + ", not " + chainId);
        }
        return transactions.submit(to, data, value, gasLimit, maxPriorityFeePerGas, maxFeePerGas,
                constructor ? "contract creation" : "call to " + to);
    }

    @Override
    public EthSendTransaction sendTransaction(BigInteger gasPrice, BigInteger gasLimit, String to, String data,
            BigInteger value, boolean constructor) throws IOException {
        return sendEIP1559Transaction(chainId(), gasPrice, gasPrice, gasLimit, to, data, value, constructor);
    }

    @Override
    public String sendCall(String to, String data, DefaultBlockParameter block) throws IOException {
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(getFromAddress(), to, data), block).send();
        if (call.hasError()) {
            throw new ContractCallException("eth_call to " + to + " reverted: "
                    + L1Transactions.reason(call).orElse(call.getError().getMessage()));
        }
        return call.getValue();
    }

    @Override
    public EthGetCode getCode(String contractAddress, DefaultBlockParameter block) throws IOException {
        return web3j.ethGetCode(contractAddress, block).send();
    }

    @Override
    public String toString() {
        return "NodeSignerTransactionManager[" + account() + ", chain " + chainId() + "]";
    }
}
