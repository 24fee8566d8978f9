/**
 * Pure: consensus wire types and their one canonical binary encoding (big-endian, length-prefixed), block ids
 * (Keccak-256 of the canonical block encoding) and the EIP-712 digests each signed message commits to. Decoding is
 * bounded: every length is checked against the remaining input and the configured limits before allocation.
 */
package seqpool.consensus.wire;
