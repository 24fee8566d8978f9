/** Deploys the whole contract set and reads/writes the addresses file the node configuration points to. */
@Export
@Version("1.0.0")
package seqpool.contracts.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
