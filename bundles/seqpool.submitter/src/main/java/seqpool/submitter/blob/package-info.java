/**
 * Batch data in EIP-4844 blobs: packing ({@link seqpool.submitter.blob.BlobPacking}, pure) and KZG commitments,
 * proofs and versioned hashes ({@link seqpool.submitter.blob.BlobKzg}, native C-KZG-4844 through seqpool.wrap.kzg).
 */
package seqpool.submitter.blob;
