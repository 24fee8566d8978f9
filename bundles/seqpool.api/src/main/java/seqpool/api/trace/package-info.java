/**
 * Protocol event traces (DESIGN.md §5): one event per line, named like the TLA+ action it implements, so a
 * checker can decide whether an implementation run is a behaviour of the spec.
 */
@Export
@Version("1.0.0")
package seqpool.api.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
