package seqpool.staking.cli;

import java.nio.file.Path;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.staking.l1.L1Transactions;
import seqpool.staking.l1.Web3jStakingOperator;
import seqpool.staking.l1.Web3jStakingView;

/** Options of every {@code stake} subcommand, and the connection they open (closed by {@link #close}). */
final class OperatorSession implements AutoCloseable {
    @Mixin
    L1Options l1;

    @Option(names = "--contracts", defaultValue = "contracts.yaml",
            description = "addresses file written by `seqpool contracts deploy` (default contracts.yaml)")
    Path contractsFile;

    @Option(names = "--confirmations", defaultValue = "2", description = "L1 confirmations for status (default 2)")
    int confirmations;

    private Web3j web3j;
    Web3jStakingOperator operator;
    Web3jStakingView view;
    DeployedContracts contracts;

    OperatorSession open() throws Exception {
        contracts = DeployedContracts.readFrom(contractsFile);
        web3j = l1.connect();
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        if (chainId != contracts.chainId()) {
            throw new IllegalStateException("the node at " + l1.rpc + " is chain " + chainId + " but " + contractsFile
                    + " was deployed on chain " + contracts.chainId());
        }
        Credentials c = l1.credentials();
        L1Transactions tx = new L1Transactions(web3j, c, chainId, l1.poll(), l1.timeout());
        operator = new Web3jStakingOperator(web3j, tx, contracts.lockingPool(), contracts.stakeToken());
        view = new Web3jStakingView(web3j, contracts.lockingPool(), confirmations);
        return this;
    }

    @Override
    public void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }
}
