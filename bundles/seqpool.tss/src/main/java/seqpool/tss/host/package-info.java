/**
 * The edge of seqpool.tss: runs VSS and FROST sessions over the p2p {@code mpc} channel on one event thread, keeps
 * shares and nonces in the encrypted vault, writes traces, and provides {@link seqpool.api.tss.ThresholdKeyService}.
 * The only package that does I/O.
 */
package seqpool.tss.host;
