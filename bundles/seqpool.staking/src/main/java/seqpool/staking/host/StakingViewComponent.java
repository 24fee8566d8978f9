package seqpool.staking.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import seqpool.api.staking.StakeSnapshot;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.StakingView;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.staking.l1.Web3jStakingView;

/**
 * Registers a {@link StakingView} of the LockingPool named in the addresses file, once configured (PID
 * {@code seqpool.staking}). The web3j client is created in {@link #activate} and shut down in {@link #deactivate}.
 */
@Component(service = StakingView.class, configurationPid = "seqpool.staking",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StakingViewComponent.Config.class)
public final class StakingViewComponent implements StakingView {
    @ObjectClassDefinition(name = "seqpool staking view")
    public @interface Config {
        @AttributeDefinition(description = "L1 JSON-RPC URL")
        String rpcUrl();

        @AttributeDefinition(description = "addresses file written by `seqpool contracts deploy`")
        String contractsFile() default "contracts.yaml";

        @AttributeDefinition(description = "L1 confirmations before a block is read")
        int confirmations() default 6;

        @AttributeDefinition(description = "web3j polling interval in ms")
        long pollMs() default 200;
    }

    private final Web3j web3j;
    private final ScheduledExecutorService executor;
    private final Web3jStakingView view;

    @Activate
    public StakingViewComponent(Config config) throws IOException {
        DeployedContracts contracts = DeployedContracts.readFrom(Path.of(config.contractsFile()));
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-staking-web3j");
            t.setDaemon(true);
            return t;
        });
        web3j = Web3j.build(new HttpService(config.rpcUrl()), config.pollMs(), executor);
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        if (chainId != contracts.chainId()) {
            web3j.shutdown();
            throw new IOException("L1 at " + config.rpcUrl() + " is chain " + chainId + " but " + config.contractsFile()
                    + " names chain " + contracts.chainId());
        }
        view = new Web3jStakingView(web3j, contracts.lockingPool(), config.confirmations());
    }

    @Deactivate
    void deactivate() {
        web3j.shutdown();
    }

    @Override
    public int confirmations() {
        return view.confirmations();
    }

    @Override
    public long confirmedBlock() throws StakingException {
        return view.confirmedBlock();
    }

    @Override
    public StakeSnapshot snapshot() throws StakingException {
        return view.snapshot();
    }

    @Override
    public StakeSnapshot snapshotAt(long l1Block) throws StakingException {
        return view.snapshotAt(l1Block);
    }
}
