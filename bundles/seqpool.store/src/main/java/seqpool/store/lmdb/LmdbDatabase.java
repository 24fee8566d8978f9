package seqpool.store.lmdb;

import java.nio.ByteBuffer;

import org.lmdbjava.Dbi;

import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;

/** A named LMDB database of one {@link LmdbKeyValueStore}. Immutable; valid while the store is open. */
final class LmdbDatabase implements Database {
    final LmdbKeyValueStore owner;
    final Dbi<ByteBuffer> dbi;
    /** Order in which the store opened its handles: a snapshot taken before {@code seq} was opened cannot use it. */
    final long seq;
    private final DatabaseName name;

    LmdbDatabase(LmdbKeyValueStore owner, DatabaseName name, Dbi<ByteBuffer> dbi, long seq) {
        this.owner = owner;
        this.name = name;
        this.dbi = dbi;
        this.seq = seq;
    }

    @Override
    public DatabaseName name() {
        return name;
    }

    @Override
    public String toString() {
        return "lmdb:" + name;
    }
}
