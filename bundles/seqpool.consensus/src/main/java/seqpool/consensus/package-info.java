/** seqpool consensus module (implementation package; not exported). */
package seqpool.consensus;
