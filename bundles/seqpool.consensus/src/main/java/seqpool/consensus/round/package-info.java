/**
 * Pure: the Tendermint round state machine of "The latest gossip on BFT consensus" (Buchman, Kwon, Milosevic 2018,
 * Algorithm 1), as a function {@code apply(state, input) → (state, outputs)}. Comments {@code // Lnn} name the paper's
 * lines. No I/O, no clock, no threads, no keys.
 */
package seqpool.consensus.round;
