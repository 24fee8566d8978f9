/** The scheme-neutral key share: Shamir share x_i, public shares X_i, group key X, generation, committee. */
package seqpool.tss.share;
