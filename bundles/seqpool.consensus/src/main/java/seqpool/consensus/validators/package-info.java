/**
 * Pure: validator sets with CometBFT proposer priorities (weighted round robin with rescaling and centering) and the
 * schedule that applies validator updates returned at height H from height H+2 on. No I/O, no clock, no threads.
 */
package seqpool.consensus.validators;
