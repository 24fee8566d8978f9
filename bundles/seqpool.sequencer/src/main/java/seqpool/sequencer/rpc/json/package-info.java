/**
 * JSON for the JSON-RPC server: a strict, bounded parser for untrusted input and a compact writer. No threads, no
 * I/O (checked by RpcPurityTest).
 */
package seqpool.sequencer.rpc.json;
