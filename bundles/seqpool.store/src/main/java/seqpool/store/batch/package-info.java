/** The write batch shared by the store backends: validated operations applied in order in one transaction. */
package seqpool.store.batch;
