/**
 * The bridge contract (DESIGN.md §3 step 2): the L1 events of the pool's contracts, recorded after the configured
 * number of confirmations, in L1 order, each once. The PoS application turns them into consensus transactions, and
 * every validator checks them against its own bridge before it prevotes (side-transaction votes).
 */
@Export
@Version("2.0.0")
package seqpool.api.bridge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
