/**
 * The batch submitter contract (DESIGN.md §3 step 7): batches of L2 blocks, their headers as the L1
 * BatchInbox checks them, and submission status.
 */
@Export
@Version("1.0.0")
package seqpool.api.submitter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
