/** Load commands for the sequencer's execution engines. */
package seqpool.bench.sequencer;
