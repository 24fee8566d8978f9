/**
 * The hello each side sends first inside the TLS session, and the negotiation of one protocol version per channel
 * (the highest version both sides speak, DESIGN.md §7). Pure code, no I/O.
 */
package seqpool.p2p.hello;
