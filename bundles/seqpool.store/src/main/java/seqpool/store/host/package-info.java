/** The OSGi edge of the store: the Declarative Services component that registers the LMDB store. */
package seqpool.store.host;
