/**
 * The consensus contracts (ABCI idea, DESIGN.md §2): the engine ({@link seqpool.api.consensus.ConsensusEngine})
 * orders opaque transactions into blocks and knows nothing of epochs; the application
 * ({@link seqpool.api.consensus.ConsensusApplication}) checks and executes them and returns validator-set updates.
 *
 * <p>Votes and proposals are signed over EIP-712 typed data (DESIGN.md §4) so that L1 can verify double-sign evidence.
 */
@Export
@Version("2.1.0")
package seqpool.api.consensus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
