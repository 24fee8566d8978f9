/**
 * FROST(secp256k1, SHA-256) exactly as RFC 9591: round one commitments, round two signature shares, aggregation with
 * per-share verification that names culprits, and signature verification. Pure.
 */
package seqpool.tss.frost;
