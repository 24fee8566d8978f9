/** Key-range arithmetic shared by the store backends. */
package seqpool.store.keys;
