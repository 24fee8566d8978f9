/**
 * Pure: the vote keeper of one height. It stores each validator's first prevote and precommit per round, tallies
 * voting power per value, reports thresholds (more than 2/3: polka / precommit quorum; more than 1/3: round skip) and
 * detects equivocation. No I/O, no clock, no threads.
 */
package seqpool.consensus.votes;
