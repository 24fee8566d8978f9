/**
 * RFC 9380 hash-to-field, polynomials and Lagrange over the secp256k1 scalar field (the group itself is
 * {@link seqpool.codec.crypto.Secp256k1Group}). Pure.
 */
package seqpool.tss.math;
