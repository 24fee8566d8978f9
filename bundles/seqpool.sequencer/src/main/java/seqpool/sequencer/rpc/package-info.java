/**
 * The node's Ethereum JSON-RPC (DESIGN.md §3 step 5; docs/json-rpc.md): what the server needs from the node
 * ({@link seqpool.sequencer.rpc.EthBackend} and the values it returns, shaped after the execution-apis OpenRPC
 * schemas). The server itself is in {@code seqpool.sequencer.rpc.server}; JSON and the JSON-RPC dispatch, free of
 * threads and sockets, are in {@code seqpool.sequencer.rpc.json} and {@code seqpool.sequencer.rpc.dispatch}.
 */
package seqpool.sequencer.rpc;
