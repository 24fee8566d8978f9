/** The pool's documented rules: stake to voting power, committee threshold, stake-weighted producer choice. Pure. */
package seqpool.pos.select;
