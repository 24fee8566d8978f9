/**
 * The I/O of derivation: JSON-RPC to L1 and to the node compared with (with retries), the Beacon API for blobs, and
 * KZG commitments (C-KZG-4844 through {@code seqpool.wrap.kzg}) to verify blobs against their versioned hashes.
 */
package seqpool.sequencer.derive.l1;
