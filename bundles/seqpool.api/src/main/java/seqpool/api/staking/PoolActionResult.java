package seqpool.api.staking;

/** What a {@link PoolActionSender} call did: sent a transaction that succeeded, or found L1 already in that state. */
public sealed interface PoolActionResult {
    /** This node's transaction was mined and succeeded. */
    record Sent(TxOutcome outcome) implements PoolActionResult {
    }

    /** L1 already holds the result (another node posted it); nothing was sent. */
    record AlreadyDone(String why) implements PoolActionResult {
    }
}
