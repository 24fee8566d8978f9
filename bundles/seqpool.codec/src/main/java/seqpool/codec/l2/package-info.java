/**
 * Canonical hashing of L2 block headers: the digest a producer signs and every follower, the PoS application and an
 * auditor recompute.
 */
@Export
@Version("1.0.0")
package seqpool.codec.l2;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
