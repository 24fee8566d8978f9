/**
 * Peer policy: configured endpoints, who dials whom, reconnect backoff, and scoring with bans. Pure code: time and
 * randomness come in as arguments, no I/O.
 */
package seqpool.p2p.peer;
