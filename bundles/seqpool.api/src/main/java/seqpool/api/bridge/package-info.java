/**
 * The bridge contract (DESIGN.md §3 step 2): L1 events seen after the configured number of confirmations, in L1
 * order, de-duplicated by (sequencer, nonce), and the L2 progress the pool has observed.
 */
@Export
@Version("1.0.0")
package seqpool.api.bridge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
