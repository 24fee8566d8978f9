package seqpool.consensus.node;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;

/** Output of the node for the host: network sends, timers, committed blocks, peer penalties. */
public sealed interface NodeAction {
    record Broadcast(Bytes payload) implements NodeAction {
    }

    record SendTo(Address peer, Bytes payload) implements NodeAction {
    }

    record SetTimer(TimerKey key, long delayMs) implements NodeAction {
    }

    record Committed(CommittedBlock block) implements NodeAction {
    }

    record Penalize(Address peer, String reason) implements NodeAction {
    }
}
