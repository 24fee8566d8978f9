/** One byte layout of equivocation evidence, shared by the admin API, the PoS tasks and tools. */
@Export
@Version("1.0.0")
package seqpool.codec.evidence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
