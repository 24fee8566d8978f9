/** Demo contract swapped by the hot-swap integration tests. */
@Export
@Version("1.0.0")
package seqpool.itests.swap.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
