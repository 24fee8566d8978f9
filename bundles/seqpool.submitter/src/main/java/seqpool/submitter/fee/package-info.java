/** Pure: the fee rule that picks blobs or calldata for a batch at the current L1 fees, and the L1 fork parameters. */
package seqpool.submitter.fee;
