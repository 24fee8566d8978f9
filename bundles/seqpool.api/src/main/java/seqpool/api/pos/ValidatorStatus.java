package seqpool.api.pos;

/** Lifecycle of a validator. Only ACTIVE validators vote, sign and can be assigned as producer. */
public enum ValidatorStatus {
    PENDING, ACTIVE, JAILED, EXITING, EXITED
}
