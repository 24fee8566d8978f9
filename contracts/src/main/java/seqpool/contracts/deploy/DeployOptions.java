package seqpool.contracts.deploy;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ContractDeployer} deploys: the admin (owner of every contract, proposer/executor of the timelock),
 * an existing stake token or none (then a {@code TestStakeToken} is deployed and {@code devnetMint} minted to the
 * admin), where slashed stake goes, the first L2 block of epoch 1 and batch 1, and the timelock delay in seconds.
 */
public record DeployOptions(String admin, Optional<String> stakeToken, String slashRecipient, long genesisL2Block,
        long timelockDelaySeconds, BigInteger devnetMint) {
    public DeployOptions {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(stakeToken, "stakeToken");
        Objects.requireNonNull(slashRecipient, "slashRecipient");
        Objects.requireNonNull(devnetMint, "devnetMint");
        if (genesisL2Block < 0 || timelockDelaySeconds < 0 || devnetMint.signum() < 0) {
            throw new IllegalArgumentException("genesisL2Block, timelockDelaySeconds and devnetMint must be >= 0");
        }
    }

    /** Devnet defaults: test token with 10 million tokens for the admin, slashing to the admin, 60 s timelock. */
    public static DeployOptions devnet(String admin) {
        return new DeployOptions(admin, Optional.empty(), admin, 1, 60,
                BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000_000)));
    }
}
