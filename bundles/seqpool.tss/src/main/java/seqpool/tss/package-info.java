/** seqpool tss module (implementation package; not exported). */
package seqpool.tss;
