/**
 * The batch submitter contract (DESIGN.md §3 step 7): batches of L2 blocks, their headers as the L1
 * BatchInbox checks them, and submission status.
 *
 * <p>1.1: the batch format contract ({@link seqpool.api.submitter.BatchCodec}: encoding, compression, EIP-4844 blobs,
 * strict decoding) with its values; {@link seqpool.api.submitter.DataCommitment} no longer caps the blob count at 6
 * (a fork parameter in configuration). The format itself: docs/batches.md.
 * Also in 1.1: {@link seqpool.api.submitter.Submission} (status with the L1 transaction hash; REPLACED and REORGED)
 * and the safe and finalized L2 heads of {@link seqpool.api.submitter.BatchSubmitter}; BatchInbox's {@code dataKind}
 * code of a {@link seqpool.api.submitter.DataCommitment.Kind}.
 */
@Export
@Version("1.1.0")
package seqpool.api.submitter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
