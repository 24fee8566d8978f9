package seqpool.wrap.lmdb.probe;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

import seqpool.wrap.lmdb.LmdbRuntime;

/**
 * Packed by {@code LmdbWrapperFelixIT} into a tiny bundle that imports {@code org.lmdbjava} from the wrapper, and
 * called reflectively inside Felix: opens an environment, writes in one transaction, reads in another.
 */
public final class LmdbProbe {
    private LmdbProbe() {
    }

    /** Returns "version|class loader of Env|value read back". */
    public static String roundTrip(File dir, String value) {
        String version = LmdbRuntime.load();
        try (Env<ByteBuffer> env = Env.create().setMapSize(8L << 20).setMaxDbs(2).open(dir)) {
            Dbi<ByteBuffer> db = env.openDbi("probe", DbiFlags.MDB_CREATE);
            try (Txn<ByteBuffer> txn = env.txnWrite()) {
                db.put(txn, buffer("key"), buffer(value));
                txn.commit();
            }
            try (Txn<ByteBuffer> txn = env.txnRead()) {
                ByteBuffer got = db.get(txn, buffer("key"));
                byte[] bytes = new byte[got.remaining()];
                got.get(bytes);
                return version + "|" + Env.class.getClassLoader() + "|" + new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }

    private static ByteBuffer buffer(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }
}
