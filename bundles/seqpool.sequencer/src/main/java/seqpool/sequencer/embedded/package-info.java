/**
 * The embedded execution engine ({@code kind = embedded}): native ETH transfers carried by real, signed Ethereum
 * transactions (legacy EIP-155, EIP-2930, EIP-1559), executed in Java with EIP-1559 fees, a deterministic state root
 * ({@link seqpool.sequencer.embedded.StateTrie}), per-block undo records for rewinds, and blocks, transactions and
 * receipts kept in the store for the JSON-RPC layer. Rules and store layout: docs/sequencer.md, "Embedded engine".
 * Schema version of module {@code sequencer.embedded}: 1.
 */
package seqpool.sequencer.embedded;
