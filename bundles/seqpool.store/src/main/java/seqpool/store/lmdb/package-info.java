/** The LMDB backend of the store (private to the bundle; other bundles use the KeyValueStore service). */
package seqpool.store.lmdb;
