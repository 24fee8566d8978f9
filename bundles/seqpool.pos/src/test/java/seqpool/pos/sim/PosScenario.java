package seqpool.pos.sim;

import seqpool.consensus.sim.Fault;
import seqpool.consensus.sim.SimConfig;

/**
 * One PoS simulation scenario: the network and faults ({@link SimConfig}; its {@code n} counts nodes, of which the
 * first {@code genesisMembers} are staked at genesis), the pool's epoch length and jailing rule, and what the world
 * scripts on top: a stalled producer, L1 reorganisations, a validator joining and one leaving. {@code epochsAfterHeal}
 * is the liveness target: every honest running node ends at least that many epochs past the newest epoch any honest
 * node had when the network healed.
 */
record PosScenario(String name, SimConfig sim, int genesisMembers, long epochLength, int jailAfterFaults, Stall stall,
        int reorgs, boolean joinAndLeave, int epochsAfterHeal) {

    /** How the producer of the first epoch (from 2 on) that starts after the heal stops, if it does. */
    enum Stall {
        NONE,
        /** It crashes as soon as the assignment is committed, and restarts long after it should have been replaced. */
        CRASH,
        /** It keeps voting but makes no more L2 blocks, for the rest of the run (a Byzantine-silent producer). */
        WITHHOLD
    }

    /** The replay key: {@code name:seed} (see PosSimReplayTest). */
    String replayKey(long seed) {
        return name + ":" + seed;
    }

    private static SimConfig network(int n, Fault fault, int byzantine, long duration, long heal, boolean partitions,
            boolean crashes) {
        return new SimConfig(n, byzantine, fault, duration, heal, partitions, crashes, 0.03, 0.03, 1, 25, false);
    }

    static PosScenario honest(long seed) {
        return new PosScenario("honest", network(4, null, 0, 5000, 2000, false, false), 4, 5, 2, Stall.NONE, 0, false,
                2);
    }

    /** Crash/restart and partitions before healing, with no fault or one Byzantine validator, by seed. */
    static PosScenario crashesAndPartitions(long seed) {
        Fault[] mix = {null, Fault.SILENT, Fault.DOUBLE_VOTER, Fault.EQUIVOCATING_PROPOSER};
        Fault f = mix[(int) Math.floorMod(seed, mix.length)];
        return new PosScenario("crashes-partitions", network(4, f, f == null ? 0 : 1, 9500, 2500, true, true), 4, 5,
                2, Stall.NONE, 0, false, 2);
    }

    /** A producer crashes or withholds its blocks, or a silent Byzantine validator is drawn now and then, by seed. */
    static PosScenario stalledProducer(long seed) {
        int kind = (int) Math.floorMod(seed, 3);
        if (kind == 2) {
            return new PosScenario("stalled-producer", network(4, Fault.SILENT, 1, 7000, 1000, false, false), 4, 5, 2,
                    Stall.NONE, 0, false, 2);
        }
        return new PosScenario("stalled-producer", network(4, null, 0, 7000, 1000, false, false), 4, 5, 2,
                kind == 0 ? Stall.CRASH : Stall.WITHHOLD, 0, false, 2);
    }

    /** L1 reorganisations seen by a minority; on odd seeds also a Byzantine proposer with events only it saw. */
    static PosScenario reorgs(long seed) {
        boolean liar = Math.floorMod(seed, 2) == 1;
        return new PosScenario("reorgs", network(4, liar ? Fault.FALSE_VIEW : null, liar ? 1 : 0, 6000, 2000, false,
                false), 4, 5, 2, Stall.NONE, 6, false, 2);
    }

    /** A fifth node locks stake and joins through a reshare; then a genesis member unlocks and leaves. */
    static PosScenario joinAndLeave(long seed) {
        return new PosScenario("join-leave", network(5, null, 0, 6500, 2000, false, true), 4, 5, 2, Stall.NONE, 0, true,
                2);
    }
}
