/**
 * The node's {@link seqpool.sequencer.rpc.EthBackend}s: what the JSON-RPC server reads from the L2 chain, the mempool
 * and the execution engine — one for the embedded engine (its own ledger and records), one for the EVM engine (the
 * node's anvil, read through the engine's forwarder and turned into the server's records).
 */
package seqpool.sequencer.backend;
