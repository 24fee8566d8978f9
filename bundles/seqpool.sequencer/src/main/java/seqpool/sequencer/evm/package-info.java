/**
 * The EVM execution engine (kind {@code evm}, the devnet default): each node drives its own anvil process, started
 * with {@code --no-mining --order fifo} and the pool's genesis, as the {@link seqpool.api.sequencer.ExecutionEngine}.
 * {@link seqpool.sequencer.evm.AnvilEngine} produces, replays and rewinds blocks and checks transactions;
 * {@link seqpool.sequencer.evm.AnvilForwarder} gives the JSON-RPC layer read access to the node's anvil. This package
 * does I/O (a child process, HTTP on loopback); it is not one of the pure packages. See docs/sequencer.md,
 * "EVM engine (anvil)".
 */
package seqpool.sequencer.evm;
