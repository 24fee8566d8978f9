/**
 * Signing a proposed batch: every chosen signer re-derives the batch from its own copy of the L2 chain, with the same
 * encoding, compression, blobs and versioned hashes, and contributes its FROST share only if the whole header matches;
 * otherwise it refuses through the pool, saying why.
 */
package seqpool.submitter.sign;
