package seqpool.staking.actions;

import java.util.Optional;

import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.TxOutcome;

/**
 * Check, send, and check again: the sequence that lets several nodes post the same pool action without paying twice.
 * Before sending, {@link Check} reads L1; if the action is there, nothing is sent ({@link PoolActionResult.AlreadyDone}).
 * If sending fails (a revert in gas estimation or on chain, a lost receipt), L1 is read again: when it now holds the
 * action (another sender's transaction landed between our check and our send, or ours did despite the error) the
 * result is AlreadyDone too; otherwise the original failure is thrown. A check may itself refuse the action by
 * throwing (e.g. a message signed for a later sequence number): before sending that stops the call, and on the
 * re-check it is attached to the original failure. Stateless.
 */
public final class AlreadyDoneGuard {
    /** Reads L1: the reason the action is already there, or empty. */
    @FunctionalInterface
    public interface Check {
        Optional<String> alreadyDone() throws StakingException;
    }

    /** Sends the action and waits for its successful receipt. */
    @FunctionalInterface
    public interface Send {
        TxOutcome send() throws StakingException;
    }

    private AlreadyDoneGuard() {
    }

    public static PoolActionResult run(Check check, Send send) throws StakingException {
        Optional<String> before = check.alreadyDone();
        if (before.isPresent()) {
            return new PoolActionResult.AlreadyDone(before.get());
        }
        try {
            return new PoolActionResult.Sent(send.send());
        } catch (StakingException failure) {
            Optional<String> after;
            try {
                after = check.alreadyDone();
            } catch (StakingException recheck) {
                failure.addSuppressed(recheck);
                throw failure;
            }
            if (after.isPresent()) {
                return new PoolActionResult.AlreadyDone(after.get() + "; found after this node's attempt failed: "
                        + failure.getMessage());
            }
            throw failure;
        }
    }
}
