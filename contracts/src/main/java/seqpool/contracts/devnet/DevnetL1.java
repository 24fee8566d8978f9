package seqpool.contracts.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import seqpool.contracts.deploy.ContractDeployer;
import seqpool.contracts.deploy.DeployOptions;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * Sets up the L1 of a devnet through the admin (anvil account 0): deploys the contracts, gives each node operator
 * stake tokens and locks them for the node's signer key, funds signer accounts with ether for the pool's L1 actions,
 * funds the reward reserve, and registers the pool key the first committee generated (a governance step: the admin
 * owns PoolKeyRegistry). Not thread-safe.
 */
public final class DevnetL1 implements AutoCloseable {
    public static final BigInteger TOKEN = BigInteger.TEN.pow(18);

    private final Web3j web3j;
    private final long chainId;
    private final String url;
    private DeployedContracts contracts;

    public DevnetL1(String rpcUrl) throws IOException {
        this.url = rpcUrl;
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.chainId = web3j.ethChainId().send().getChainId().longValueExact();
    }

    private TransactionManager as(Credentials c) {
        return new RawTransactionManager(web3j, c, chainId, new PollingTransactionReceiptProcessor(web3j, 100, 600));
    }

    public DeployedContracts deploy() throws Exception {
        Credentials admin = DevnetAccounts.account(0);
        contracts = new ContractDeployer(web3j, as(admin), new DefaultGasProvider())
                .deploy(DeployOptions.devnet(admin.getAddress()));
        return contracts;
    }

    public void useContracts(DeployedContracts c) {
        this.contracts = c;
    }

    /** Operator {@code operator} (anvil account index) locks {@code tokens} for the signer key {@code pubkey64}. */
    public void stake(int operator, String signer, byte[] pubkey64, BigInteger tokens) throws Exception {
        Credentials admin = DevnetAccounts.account(0);
        Credentials op = DevnetAccounts.account(operator);
        BigInteger amount = tokens.multiply(TOKEN);
        lockingPool(admin).setWhitelist(op.getAddress(), true).send();
        token(admin).transfer(op.getAddress(), amount).send();
        token(op).approve(contracts.lockingPool(), amount).send();
        lockingPool(op).lockFor(signer, amount, pubkey64).send();
    }

    /** Lets operator {@code operator} lock later (whitelist and tokens), for a node that joins a running pool. */
    public void prepareOperator(int operator, BigInteger tokens) throws Exception {
        Credentials admin = DevnetAccounts.account(0);
        Credentials op = DevnetAccounts.account(operator);
        lockingPool(admin).setWhitelist(op.getAddress(), true).send();
        token(admin).transfer(op.getAddress(), tokens.multiply(TOKEN)).send();
    }

    /** Rewards of {@code perBlock} tokens per produced L2 block, from a reserve of {@code reserve} tokens. */
    public void fundRewards(BigInteger perBlock, BigInteger reserve) throws Exception {
        Credentials admin = DevnetAccounts.account(0);
        lockingPool(admin).setRewardPerBlock(perBlock.multiply(TOKEN)).send();
        token(admin).approve(contracts.lockingPool(), reserve.multiply(TOKEN)).send();
        lockingPool(admin).fundRewards(reserve.multiply(TOKEN)).send();
    }

    /** Gives {@code address} {@code ether} ETH (anvil_setBalance). */
    public void fundEther(String address, long ether) throws IOException {
        call("anvil_setBalance", List.of(address, "0x" + BigInteger.valueOf(ether).multiply(TOKEN).toString(16)));
    }

    /** The admin registers the first pool key (x ‖ y, 64 bytes) in PoolKeyRegistry; returns the L1 block. */
    public long registerPoolKey(byte[] key64) throws Exception {
        var r = PoolKeyRegistry.load(contracts.poolKeyRegistry(), web3j, as(DevnetAccounts.account(0)),
                new DefaultGasProvider()).registerInitialKey(key64).send();
        return r.getBlockNumber().longValueExact();
    }

    /** Mines a block every {@code seconds} from now on (after a setup done in automine mode). */
    public void intervalMining(int seconds) throws IOException {
        call("evm_setIntervalMining", List.of(seconds));
    }

    public long blockNumber() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    private void call(String method, List<?> params) throws IOException {
        Response<?> r = new Request<>(method, params, new HttpService(web3jUrl()), VoidResponse.class).send();
        if (r.hasError()) {
            throw new IOException(method + " failed: " + r.getError().getMessage());
        }
    }

    private String web3jUrl() {
        return url;
    }

    private LockingPool lockingPool(Credentials c) {
        return LockingPool.load(contracts.lockingPool(), web3j, as(c), new DefaultGasProvider());
    }

    private TestStakeToken token(Credentials c) {
        return TestStakeToken.load(contracts.stakeToken(), web3j, as(c), new DefaultGasProvider());
    }

    /** A JSON-RPC response whose result is ignored. */
    public static final class VoidResponse extends Response<Object> {
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
