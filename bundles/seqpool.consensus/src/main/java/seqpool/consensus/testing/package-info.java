/**
 * Test support shipped with the bundle but not exported: a base for applications that judge transactions one by one,
 * and an in-process {@link seqpool.api.p2p.P2pNetwork} hub for host
 * tests and benchmarks that run without sockets. Never used by production wiring.
 */
package seqpool.consensus.testing;
