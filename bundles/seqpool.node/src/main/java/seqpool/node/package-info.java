/** seqpool node module (implementation package; not exported). */
package seqpool.node;
