package seqpool.staking.host;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.identity.NodeSigner;
import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.StakingException;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.staking.l1.NodeSignerTransactionManager;
import seqpool.staking.l1.Web3jPoolActionSender;

/**
 * Registers a {@link PoolActionSender} that pays from the node's signer account (the mandatory {@link NodeSigner}
 * service) once PID {@code seqpool.staking} is configured — the same configuration as {@link StakingViewComponent},
 * of which it reads {@code rpcUrl}, {@code contractsFile} and {@code pollMs}, plus an optional {@code txTimeoutSeconds}.
 * The metatype description stays with the view (one OCD per PID). The web3j client is created in the constructor
 * (which checks that L1's chain id is the addresses file's) and shut down in {@link #deactivate}.
 */
@Component(service = PoolActionSender.class, configurationPid = "seqpool.staking",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class PoolActionSenderComponent implements PoolActionSender {
    /** The attributes of PID {@code seqpool.staking} this component reads. */
    public @interface Config {
        String rpcUrl();

        String contractsFile() default "contracts.yaml";

        long pollMs() default 200;

        /** How long to wait for a receipt before the call fails (the nonce is then re-read). */
        long txTimeoutSeconds() default 120;
    }

    private final Web3j web3j;
    private final Web3jPoolActionSender sender;

    @Activate
    public PoolActionSenderComponent(Config config, @Reference NodeSigner signer) throws IOException {
        DeployedContracts contracts = DeployedContracts.readFrom(Path.of(config.contractsFile()));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-pool-actions-web3j");
            t.setDaemon(true);
            return t;
        });
        web3j = Web3j.build(new HttpService(config.rpcUrl()), config.pollMs(), executor);
        try {
            NodeSignerTransactionManager tx = NodeSignerTransactionManager.connect(web3j, signer,
                    Duration.ofMillis(config.pollMs()), Duration.ofSeconds(config.txTimeoutSeconds()));
            if (tx.chainId() != contracts.chainId()) {
                throw new IOException("L1 at " + config.rpcUrl() + " is chain " + tx.chainId() + " but "
                        + config.contractsFile() + " names chain " + contracts.chainId());
            }
            sender = new Web3jPoolActionSender(web3j, tx, contracts);
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        web3j.shutdown();
    }

    @Override
    public Address account() {
        return sender.account();
    }

    @Override
    public PoolChainState chainState() throws StakingException {
        return sender.chainState();
    }

    @Override
    public PoolActionResult commitEpoch(long epochId, long firstL2Block, long lastL2Block, Address producer,
            Bytes poolSignature) throws StakingException {
        return sender.commitEpoch(epochId, firstL2Block, lastL2Block, producer, poolSignature);
    }

    @Override
    public PoolActionResult recommitEpoch(long epochId, int rotation, long fromL2Block, Address producer,
            Bytes poolSignature) throws StakingException {
        return sender.recommitEpoch(epochId, rotation, fromL2Block, producer, poolSignature);
    }

    @Override
    public PoolActionResult jail(long actionNonce, SequencerId sequencer, Hash32 reasonHash, Bytes poolSignature)
            throws StakingException {
        return sender.jail(actionNonce, sequencer, reasonHash, poolSignature);
    }

    @Override
    public PoolActionResult slash(long actionNonce, SequencerId sequencer, BigInteger amount, Hash32 reasonHash,
            Bytes poolSignature) throws StakingException {
        return sender.slash(actionNonce, sequencer, amount, reasonHash, poolSignature);
    }

    @Override
    public PoolActionResult submitRewards(long batchId, long startEpoch, long endEpoch, List<SequencerId> sequencers,
            List<BigInteger> blocks, Bytes poolSignature) throws StakingException {
        return sender.submitRewards(batchId, startEpoch, endEpoch, sequencers, blocks, poolSignature);
    }

    @Override
    public PoolActionResult slashDoubleSign(DuplicateVoteEvidence evidence) throws StakingException {
        return sender.slashDoubleSign(evidence);
    }
}
