/** seqpool p2p module (implementation package; not exported). */
package seqpool.p2p;
