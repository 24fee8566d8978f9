/** Pure: the cut rule, which turns pending L2 blocks into batches by size or by age. */
package seqpool.submitter.cut;
