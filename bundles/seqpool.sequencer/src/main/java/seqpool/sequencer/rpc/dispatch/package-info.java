/**
 * JSON-RPC 2.0 dispatch of the eth methods: envelope and batch rules ({@link seqpool.sequencer.rpc.dispatch.RpcProcessor}),
 * parameter validation after the execution-apis schemas ({@link seqpool.sequencer.rpc.dispatch.Params},
 * {@link seqpool.sequencer.rpc.dispatch.Decode}, {@link seqpool.sequencer.rpc.dispatch.RequestObjects}), the
 * method table ({@link seqpool.sequencer.rpc.dispatch.EthMethods}) and the result shapes
 * ({@link seqpool.sequencer.rpc.dispatch.EthJson}). No threads, sockets or clocks (checked by RpcPurityTest): the
 * transport in {@code seqpool.sequencer.rpc.server} calls it from its workers.
 */
package seqpool.sequencer.rpc.dispatch;
