package seqpool.api.pos;

/**
 * What a {@link PosTask} asks for. KEYGEN and RESHARE make the pool key's committee; SIGN_EPOCH, SIGN_REWARDS and
 * SIGN_JAIL sign a pool message for L1 (SequencerSet.commitEpoch / recommitEpoch, LockingPool.submitRewards / jail)
 * and post it; REPORT_DOUBLE_SIGN posts committed equivocation evidence to LockingPool.slashDoubleSign; SIGN_SLASH
 * (since 2.1) signs and posts LockingPool.slash for a fault the pool proved itself (an L2 producer that signed two
 * blocks of one number); SIGN_BATCH is the batch submitter's.
 */
public enum PosTaskKind {
    KEYGEN, RESHARE, ROTATE_KEY, SIGN_EPOCH, SIGN_REWARDS, SIGN_JAIL, SIGN_BATCH, REPORT_DOUBLE_SIGN, SIGN_SLASH
}
