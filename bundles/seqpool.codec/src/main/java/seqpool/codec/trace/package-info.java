/** Writes protocol traces as newline-delimited JSON (DESIGN.md §5). */
@Export
@Version("1.0.0")
package seqpool.codec.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
