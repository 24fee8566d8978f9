package seqpool.consensus.sim;

/** What a Byzantine validator does in the simulator. */
public enum Fault {
    /** Runs the engine but sends nothing. */
    SILENT,
    /** Sends a second, conflicting proposal (same height and round) to half of its peers. */
    EQUIVOCATING_PROPOSER,
    /** Sends a conflicting vote (nil vs value) to half of its peers for every vote it casts. */
    DOUBLE_VOTER,
    /**
     * Signs only real blocks, and conflicting ones: as proposer, a second real block to half of its peers (as
     * {@link #EQUIVOCATING_PROPOSER}); as voter, to half of its peers the same vote for another real block proposed at
     * that height (by anyone, any round; Byzantine nodes collude and see all traffic) — also where its engine voted
     * nil or is locked on a different block, so its precommits break its lock.
     */
    CONFLICTING,
    /** Two honest engines with the same key and separate stores ("twins"). */
    TWINS,
    /**
     * Runs the engine unchanged over an application whose outside view the world falsifies (for example L1 events
     * only this node saw): it proposes what that view makes it propose and judges proposals by it.
     */
    FALSE_VIEW
}
