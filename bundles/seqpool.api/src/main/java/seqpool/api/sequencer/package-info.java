/**
 * The L2 contract (DESIGN.md §3 step 5): mempool, L2 blocks and chain, block production by the assigned
 * producer, and the execution engine that turns blocks into state.
 */
@Export
@Version("2.0.0")
package seqpool.api.sequencer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
