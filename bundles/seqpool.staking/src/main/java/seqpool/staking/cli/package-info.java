/** Operator commands {@code seqpool stake ...} and {@code seqpool contracts deploy}, as CliCommand services (picocli). */
package seqpool.staking.cli;
