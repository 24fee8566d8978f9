/** seqpool store module (implementation package; not exported). */
package seqpool.store;
