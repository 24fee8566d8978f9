package seqpool.contracts.deploy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

import seqpool.contracts.wrappers.BatchInbox;
import seqpool.contracts.wrappers.ForcedInclusionQueue;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.ModuleRegistry;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SeqpoolTimelock;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.contracts.wrappers.TestStakeToken;

/**
 * Deploys the whole seqpool contract set in dependency order (stake token, PoolKeyRegistry, LockingPool,
 * SequencerSet, BatchInbox, ForcedInclusionQueue, ModuleRegistry, SeqpoolTimelock) from one account. The admin stays the owner; handing
 * ownership to the timelock is a separate governance step (docs/contracts.md). Not thread-safe (one deployment).
 */
public final class ContractDeployer {
    private static final System.Logger LOG = System.getLogger(ContractDeployer.class.getName());

    private final Web3j web3j;
    private final TransactionManager txManager;
    private final ContractGasProvider gas;

    public ContractDeployer(Web3j web3j, TransactionManager txManager, ContractGasProvider gas) {
        this.web3j = web3j;
        this.txManager = txManager;
        this.gas = gas;
    }

    public DeployedContracts deploy(DeployOptions o) throws Exception {
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        String token;
        if (o.stakeToken().isPresent()) {
            token = o.stakeToken().get();
        } else {
            TestStakeToken t = TestStakeToken.deploy(web3j, txManager, gas, o.admin()).send();
            token = t.getContractAddress();
            if (o.devnetMint().signum() > 0) {
                t.mint(o.admin(), o.devnetMint()).send();
            }
            log("TestStakeToken", token);
        }
        PoolKeyRegistry registry = PoolKeyRegistry.deploy(web3j, txManager, gas, o.admin()).send();
        log("PoolKeyRegistry", registry.getContractAddress());
        LockingPool pool = LockingPool.deploy(web3j, txManager, gas, o.admin(), token, registry.getContractAddress(),
                o.slashRecipient()).send();
        log("LockingPool", pool.getContractAddress());
        SequencerSet set = SequencerSet.deploy(web3j, txManager, gas, registry.getContractAddress(),
                BigInteger.valueOf(o.genesisL2Block())).send();
        log("SequencerSet", set.getContractAddress());
        BatchInbox inbox = BatchInbox.deploy(web3j, txManager, gas, registry.getContractAddress(),
                BigInteger.valueOf(o.genesisL2Block())).send();
        log("BatchInbox", inbox.getContractAddress());
        ForcedInclusionQueue forced = ForcedInclusionQueue.deploy(web3j, txManager, gas, o.forcedInclusionFee()).send();
        log("ForcedInclusionQueue", forced.getContractAddress());
        ModuleRegistry modules = ModuleRegistry.deploy(web3j, txManager, gas, o.admin()).send();
        log("ModuleRegistry", modules.getContractAddress());
        SeqpoolTimelock timelock = SeqpoolTimelock.deploy(web3j, txManager, gas,
                BigInteger.valueOf(o.timelockDelaySeconds()), List.of(o.admin()), List.of(o.admin()),
                "0x0000000000000000000000000000000000000000").send();
        log("SeqpoolTimelock", timelock.getContractAddress());
        TransactionReceipt first = registry.getTransactionReceipt().orElseThrow();
        return new DeployedContracts(chainId, first.getBlockNumber().longValueExact(), token,
                registry.getContractAddress(), pool.getContractAddress(), set.getContractAddress(),
                inbox.getContractAddress(), modules.getContractAddress(), timelock.getContractAddress(),
                Optional.of(forced.getContractAddress()));
    }

    private static void log(String name, String address) {
        LOG.log(System.Logger.Level.DEBUG, "deployed {0} at {1}", name, address);
    }
}
