/**
 * The Listener's durable record in the node's {@link seqpool.api.store.KeyValueStore}, as typed columns
 * ({@link seqpool.bridge.record.BridgeSchema}): the confirmed events keyed by L1 position, the cursor, and which
 * deployment the record belongs to. Events and cursor of a range are written in one atomic batch
 * ({@link seqpool.bridge.record.BridgeRecord#append}), so a restart resumes with nothing lost or doubled.
 */
package seqpool.bridge.record;
