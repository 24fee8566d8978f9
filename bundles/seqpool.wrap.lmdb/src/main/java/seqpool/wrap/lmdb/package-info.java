/** Loading of the LMDB native library inside an OSGi framework ({@link seqpool.wrap.lmdb.LmdbRuntime}). */
package seqpool.wrap.lmdb;
