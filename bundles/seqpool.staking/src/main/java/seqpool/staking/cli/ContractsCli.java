package seqpool.staking.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.ReadonlyTransactionManager;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import seqpool.contracts.deploy.ContractDeployer;
import seqpool.contracts.deploy.DeployOptions;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.staking.l1.L1Transactions;
import seqpool.api.staking.StakingException;

/** The {@code contracts} command tree: {@code deploy}. */
@Command(name = "contracts", mixinStandardHelpOptions = true, description = "seqpool L1 contracts.",
        subcommands = ContractsCli.Deploy.class)
final class ContractsCli extends Printing implements Callable<Integer> {
    @Override
    public Integer call() {
        out().println("usage: seqpool contracts deploy --rpc URL --key FILE [--out contracts.yaml]");
        return 2;
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Deploy the whole contract set from the key's account and write the addresses file.")
    static final class Deploy extends Printing implements Callable<Integer> {
        @Mixin
        L1Options l1;

        @Option(names = "--out", defaultValue = "contracts.yaml", description = "addresses file to write")
        Path out;

        @Option(names = "--stake-token", description = "existing ERC-20 stake token (default: deploy a test token)")
        String stakeToken;

        @Option(names = "--slash-recipient", description = "where slashed stake goes (default: the deployer)")
        String slashRecipient;

        @Option(names = "--genesis-l2-block", defaultValue = "1", description = "first L2 block of epoch 1 / batch 1")
        long genesisL2Block;

        @Option(names = "--timelock-delay", defaultValue = "60", description = "timelock minimum delay in seconds")
        long timelockDelay;

        @Option(names = "--pool-key", description = "register this 64-byte hex pool public key (x||y) now")
        String poolKey;

        @Override
        public Integer call() throws Exception {
            byte[] key = poolKey == null ? null : PoolKeyArg.parse(poolKey); // before anything is deployed
            Web3j web3j = l1.connect();
            try {
                Credentials c = l1.credentials();
                long chainId = web3j.ethChainId().send().getChainId().longValueExact();
                var tm = new RawTransactionManager(web3j, c, chainId, new PollingTransactionReceiptProcessor(web3j,
                        l1.pollMs, (int) Math.max(1, l1.timeout().toMillis() / l1.pollMs)));
                BigInteger base = web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST,
                        false).send().getBlock().getBaseFeePerGas();
                BigInteger tip = BigInteger.valueOf(1_000_000_000L);
                var gas = new StaticEIP1559GasProvider(chainId, base.shiftLeft(1).add(tip), tip,
                        BigInteger.valueOf(8_000_000));
                DeployOptions dev = DeployOptions.devnet(c.getAddress());
                DeployOptions opts = new DeployOptions(c.getAddress(), Optional.ofNullable(stakeToken),
                        slashRecipient == null ? c.getAddress() : slashRecipient, genesisL2Block, timelockDelay,
                        dev.devnetMint());
                DeployedContracts d = new ContractDeployer(web3j, tm, gas).deploy(opts);
                // what is deployed is written first: a failure of a later step must not lose the addresses
                d.writeTo(out);
                d.toMap().forEach((k, v) -> out().println(k + ": " + v));
                out().println("wrote " + out);
                if (key != null) {
                    String call = PoolKeyRegistry.load(d.poolKeyRegistry(), web3j,
                            new ReadonlyTransactionManager(web3j, c.getAddress()), gas).registerInitialKey(key)
                            .encodeFunctionCall();
                    try {
                        // L1Transactions decodes a revert by name (e.g. InvalidPoolKey()), as the stake commands do
                        new L1Transactions(web3j, c, chainId, l1.poll(), l1.timeout())
                                .send(d.poolKeyRegistry(), call, "registerInitialKey");
                    } catch (StakingException e) {
                        throw new IllegalStateException("contracts deployed and " + out + " written, but the pool key "
                                + "was not registered: " + e.getMessage(), e); // names the custom error
                    }
                    out().println("registered pool key generation 1");
                }
                return 0;
            } finally {
                web3j.shutdown();
            }
        }
    }
}
