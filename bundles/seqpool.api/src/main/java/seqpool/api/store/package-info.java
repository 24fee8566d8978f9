/**
 * The storage contract: named LMDB-style databases of ordered byte keys, atomic write batches and consistent
 * read snapshots. A protocol module keeps all its durable state here so that a newer version of the module can
 * continue from it after a hot swap (DESIGN.md §7).
 */
@Export
@Version("1.0.0")
package seqpool.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
