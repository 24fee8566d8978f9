package seqpool.consensus.node;

import seqpool.consensus.round.RoundStep;

/** A timer the node asked for; the host calls {@link ConsensusNode#onTimer} with the same key when it fires. */
public sealed interface TimerKey {
    /** OnTimeout{step}(height, round) of the paper. */
    record Timeout(RoundStep step, long height, int round) implements TimerKey {
    }

    /** The round-0 proposer builds its value after the commit pause. */
    record ProposeValue(long height, int round) implements TimerKey {
    }

    /** Periodic gossip: status, retransmission of own messages, mempool. */
    record Gossip() implements TimerKey {
    }

    TimerKey GOSSIP = new Gossip();
}
