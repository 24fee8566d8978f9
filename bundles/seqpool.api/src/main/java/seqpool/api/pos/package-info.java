/**
 * The PoS application's contract (DESIGN.md §3 steps 2–6): the validator set per epoch, the producer assignment of
 * each epoch (a contiguous L2 block range and one producer), rotation of a stalled producer, and the tasks (reshare,
 * batch signature, reward and slash reports) the pool has decided on through consensus, and the forced-inclusion
 * queue (L2 transactions enqueued on L1 that the producer must include by a committed deadline; since 2.1.0). Everything here is derived from
 * committed consensus state, so every node and any auditor computes the same answers.
 */
@Export
@Version("2.1.0")
package seqpool.api.pos;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
