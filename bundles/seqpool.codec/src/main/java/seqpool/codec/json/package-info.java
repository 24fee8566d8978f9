/**
 * JSON in one place: a strict reader for traces, test vectors and RPC replies (rejects trailing data and duplicate keys)
 * and the matching compact writer ({@link seqpool.codec.json.JsonWriter}) for log lines, traces and RPC requests.
 */
@Export
@Version("1.1.0")
package seqpool.codec.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
