/** Starts and stops a local anvil L1 node (the binary shipped by the npm package {@code @foundry-rs/anvil}). */
@Export
@Version("1.1.0")
package seqpool.contracts.anvil;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
