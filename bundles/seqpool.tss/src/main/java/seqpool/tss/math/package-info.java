/** secp256k1 group and scalar arithmetic (BouncyCastle), RFC 9380 hash-to-field, polynomials and Lagrange. Pure. */
package seqpool.tss.math;
