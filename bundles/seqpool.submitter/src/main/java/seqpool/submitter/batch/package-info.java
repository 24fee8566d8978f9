/**
 * Pure: the batch format, version 1 (docs/batches.md): the RLP payload of a range of L2 blocks
 * ({@link seqpool.submitter.batch.BatchBlocks}), its compression ({@link seqpool.submitter.batch.Compressor}: zlib or
 * zstd) and the envelope with version and compression id ({@link seqpool.submitter.batch.BatchEnvelope}); strict
 * decoding with a size bound ({@link seqpool.submitter.batch.RlpReader}). No threads, clocks or I/O.
 */
package seqpool.submitter.batch;
