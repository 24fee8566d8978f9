/**
 * Value types shared by every seqpool contract: immutable byte strings, addresses and hashes.
 * Every type here is immutable and thread-safe, validates its input in its constructor and has one canonical encoding.
 */
@Export
@Version("1.0.0")
package seqpool.api.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
