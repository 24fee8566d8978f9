/**
 * The {@code seqpool derive} command: options and the node's configuration file, the batch codec configured for the
 * command, a fresh execution engine with the node's genesis, and the wiring of {@link
 * seqpool.sequencer.derive.Derivation} to L1.
 */
package seqpool.sequencer.derive.cli;
