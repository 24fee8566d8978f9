/**
 * Typed storage for protocol modules: {@link seqpool.store.typed.Column}s with key and value
 * {@link seqpool.store.typed.Serializer}s over the {@link seqpool.api.store.KeyValueStore}, and versioned schemas with
 * idempotent, step-wise {@link seqpool.store.typed.Migration}s ({@link seqpool.store.typed.SchemaMigrator}).
 * Works on any backend, including the in-memory one in tests.
 */
@Export
@Version("1.0.0")
package seqpool.store.typed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
