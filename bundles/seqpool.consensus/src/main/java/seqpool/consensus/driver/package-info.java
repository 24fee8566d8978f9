/**
 * Pure: the driver of one height. It owns the round machine state, the vote keeper and the proposals received, turns
 * tallies into round inputs (the "upon" conditions of Algorithm 1) and returns effects for the host to carry out
 * (sign and broadcast, schedule a timeout, decide, report evidence). No I/O, no clock, no threads, no keys.
 */
package seqpool.consensus.driver;
