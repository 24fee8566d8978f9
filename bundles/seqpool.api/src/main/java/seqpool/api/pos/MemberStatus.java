package seqpool.api.pos;

/**
 * Lifecycle of a validator. PENDING: stake locked, waiting for the next epoch boundary (and its committee); ACTIVE:
 * votes, signs and can be assigned as producer; JAILED: excluded until unjailed on L1; EXITING: unlocking, leaves at
 * the next boundary; EXITED: gone; INACTIVE: stake below the minimum (after a slash).
 */
public enum MemberStatus {
    PENDING, ACTIVE, JAILED, EXITING, EXITED, INACTIVE
}
