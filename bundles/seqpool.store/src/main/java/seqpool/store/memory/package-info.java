/**
 * An in-memory {@link seqpool.api.store.KeyValueStore} with the LMDB store's semantics except durability, for unit
 * tests and deterministic simulation in other modules.
 */
@Export
@Version("1.0.0")
package seqpool.store.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
