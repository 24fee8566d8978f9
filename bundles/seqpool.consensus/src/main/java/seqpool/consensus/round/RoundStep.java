package seqpool.consensus.round;

/** step_p (L4) plus the states before the first round and after the decision. */
public enum RoundStep {
    UNSTARTED, PROPOSE, PREVOTE, PRECOMMIT, COMMIT
}
