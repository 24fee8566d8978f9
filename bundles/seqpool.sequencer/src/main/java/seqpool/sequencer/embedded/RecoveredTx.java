package seqpool.sequencer.embedded;

import seqpool.api.common.Address;

/** A decoded transaction with the sender its signature recovers to. */
record RecoveredTx(DecodedTx tx, Address sender) {
}
