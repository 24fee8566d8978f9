/**
 * The netty host of the transport: TLS 1.3 sessions (JDK provider) bound to signer keys, the frame pipeline, per-peer
 * send queues, dialing with backoff, scoring and bans, the DS component and the plain-Java factory. The only package
 * of the bundle that does I/O.
 */
package seqpool.p2p.host;
