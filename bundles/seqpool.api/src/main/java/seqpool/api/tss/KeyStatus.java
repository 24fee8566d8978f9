package seqpool.api.tss;

/** Lifecycle state of a threshold key on this node. */
public enum KeyStatus {
    /** A DKG is running; there is no usable generation yet. */
    GENERATING,
    /** The current generation can sign. */
    ACTIVE,
    /** A reshare or refresh is running; the current generation still signs until the new one is complete. */
    RESHARING,
    /** This node holds no share (not a member of the current generation, or it left). */
    NOT_A_MEMBER,
    /** Deleted: every share of every generation is erased; the key can never sign again on this node. */
    DELETED
}
