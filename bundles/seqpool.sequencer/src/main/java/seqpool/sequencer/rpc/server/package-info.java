/**
 * The JSON-RPC transport: netty HTTP and WebSocket on one port ({@link seqpool.sequencer.rpc.server.RpcServer}),
 * with the connection, size, rate, time and back-pressure limits of docs/json-rpc.md, and its Declarative Services
 * component ({@link seqpool.sequencer.rpc.server.RpcServerComponent}, PID {@code seqpool.rpc}). The only RPC code with
 * threads, sockets and clocks.
 */
package seqpool.sequencer.rpc.server;
