package seqpool.contracts.deploy;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ContractDeployer} deploys: the admin (owner of every contract, proposer/executor of the timelock),
 * an existing stake token or none (then a {@code TestStakeToken} is deployed and {@code devnetMint} minted to the
 * admin), where slashed stake goes, the first L2 block of epoch 1 and batch 1, the timelock delay in seconds, and
 * the fee in wei of one forced-inclusion message ({@code ForcedInclusionQueue}).
 */
public record DeployOptions(String admin, Optional<String> stakeToken, String slashRecipient, long genesisL2Block,
        long timelockDelaySeconds, BigInteger devnetMint, BigInteger forcedInclusionFee) {
    /** 0.001 ETH per forced-inclusion message (docs/contracts.md, "ForcedInclusionQueue"). */
    public static final BigInteger DEFAULT_FORCED_INCLUSION_FEE = BigInteger.TEN.pow(15);

    public DeployOptions {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(stakeToken, "stakeToken");
        Objects.requireNonNull(slashRecipient, "slashRecipient");
        Objects.requireNonNull(devnetMint, "devnetMint");
        Objects.requireNonNull(forcedInclusionFee, "forcedInclusionFee");
        if (genesisL2Block < 0 || timelockDelaySeconds < 0 || devnetMint.signum() < 0
                || forcedInclusionFee.signum() < 0) {
            throw new IllegalArgumentException(
                    "genesisL2Block, timelockDelaySeconds, devnetMint and forcedInclusionFee must be >= 0");
        }
    }

    /** With the default forced-inclusion fee. */
    public DeployOptions(String admin, Optional<String> stakeToken, String slashRecipient, long genesisL2Block,
            long timelockDelaySeconds, BigInteger devnetMint) {
        this(admin, stakeToken, slashRecipient, genesisL2Block, timelockDelaySeconds, devnetMint,
                DEFAULT_FORCED_INCLUSION_FEE);
    }

    /** Devnet defaults: test token with 10 million tokens for the admin, slashing to the admin, 60 s timelock. */
    public static DeployOptions devnet(String admin) {
        return new DeployOptions(admin, Optional.empty(), admin, 1, 60,
                BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000_000)));
    }
}
