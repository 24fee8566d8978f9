package seqpool.api.staking;

import java.util.Optional;

/**
 * An L1 staking call failed. When the contract reverted, {@link #revertReason()} holds the decoded reason (e.g.
 * {@code AmountOutOfBounds(1000, 20000, 100000)}) and the message names the call; otherwise the cause is the
 * transport or signing failure.
 */
public class StakingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String revertReason;

    public StakingException(String message, String revertReason) {
        super(revertReason == null ? message : message + ": reverted with " + revertReason);
        this.revertReason = revertReason;
    }

    public StakingException(String message, Throwable cause) {
        super(message, cause);
        this.revertReason = null;
    }

    public Optional<String> revertReason() {
        return Optional.ofNullable(revertReason);
    }
}
