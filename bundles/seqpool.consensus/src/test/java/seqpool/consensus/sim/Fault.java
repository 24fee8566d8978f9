package seqpool.consensus.sim;

/** What a Byzantine validator does in the simulator. */
public enum Fault {
    /** Runs the engine but sends nothing. */
    SILENT,
    /** Sends a second, conflicting proposal (same height and round) to half of its peers. */
    EQUIVOCATING_PROPOSER,
    /** Sends a conflicting vote (nil vs value) to half of its peers for every vote it casts. */
    DOUBLE_VOTER,
    /** Two honest engines with the same key and separate stores ("twins"). */
    TWINS,
    /**
     * Runs the engine unchanged over an application whose outside view the world falsifies (for example L1 events
     * only this node saw): it proposes what that view makes it propose and judges proposals by it.
     */
    FALSE_VIEW
}
