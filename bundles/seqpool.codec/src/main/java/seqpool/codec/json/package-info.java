/** A strict JSON reader for traces and test vectors (rejects trailing data and duplicate keys). */
@Export
@Version("1.0.0")
package seqpool.codec.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
