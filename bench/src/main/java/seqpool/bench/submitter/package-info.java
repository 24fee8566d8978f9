/** Batch compression on L2 blocks executed by the EVM engine (docs/batches.md). */
package seqpool.bench.submitter;
