package seqpool.tss.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.api.common.Bytes;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;
import seqpool.tss.vss.VssConfig;

/** The encrypted vault on both backends: the in-memory store and LMDB on disk. */
class ShareVaultTest {
    @TempDir
    Path dir;

    private KeyValueStore store(String backend) throws Exception {
        return backend.equals("lmdb") ? LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(dir.resolve("db"), 16, 8))
                : new InMemoryKeyValueStore();
    }

    private static final KeyId KEY = KeyId.of("pool.batch");
    private static final Committee C = new Committee(Parties.range(1, 4), 3);

    private static KeyShare share() {
        return new VssRun(VssConfig.dkg(KEY, 1, C), Map.of(), 4, TraceSink.NONE, Map.of(), List.of()).run()
                .shares().get(Parties.address(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "lmdb"})
    void roundTripWrongPassphraseEraseAndNonces(String backend) throws Exception {
        KeyValueStore store = store(backend);
        try {
            KeyShare s = share();
            KeyInfo info = new KeyInfo(KEY, 1, C, Bytes.wrap(s.publicKeys().groupKeyBytes()), KeyStatus.ACTIVE);
            try (ShareVault v = ShareVault.open(store, "correct horse".toCharArray(), new SecureRandom())) {
                v.saveGeneration(KEY, s, info);
                List<SigningNonces> ns = List.of(SigningNonces.generate(s, new SecureRandom()),
                        SigningNonces.generate(s, new SecureRandom()));
                assertEquals(List.of(10L, 11L), v.storeNonces(KEY, 1, ns, 10));
            }
            assertThrows(WrongPassphraseException.class, () -> ShareVault.open(store, "wrong".toCharArray(), new SecureRandom()));
            // The secret never appears in the store in clear.
            byte[] secret = s.exportSecret();
            try (ReadSnapshot snap = store.snapshot()) {
                Iterator<KvEntry> it = snap.prefix(store.database(ShareVault.DB), Bytes.EMPTY);
                while (it.hasNext()) {
                    assertFalse(contains(it.next().value().toArray(), secret));
                }
            }
            try (ShareVault v = ShareVault.open(store, "correct horse".toCharArray(), new SecureRandom())) {
                KeyShare loaded = v.loadShare(KEY, 1).orElseThrow();
                assertArrayEquals(secret, loaded.exportSecret());
                assertEquals(s.publicKeys().publicShares(), loaded.publicKeys().publicShares());
                assertEquals(info, v.keyInfo(KEY).orElseThrow());
                List<ShareVault.StoredNonce> stored = v.nonceCommitments(KEY, 1);
                assertEquals(2, stored.size());
                assertTrue(v.takeNonce(KEY, 1, 10).isPresent());
                assertTrue(v.takeNonce(KEY, 1, 10).isEmpty(), "a nonce is handed out once");
                v.eraseGeneration(KEY, 1);
                assertTrue(v.loadShare(KEY, 1).isEmpty());
                assertTrue(v.nonceCommitments(KEY, 1).isEmpty());
                assertTrue(v.takeNonce(KEY, 1, 11).isEmpty());
            }
        } finally {
            if (store instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void toStringsAreRedacted(String backend) throws Exception {
        KeyShare s = share();
        assertFalse(s.toString().contains(s.secret().toString(16)));
        assertTrue(s.toString().contains("<redacted>"));
        List<String> all = new ArrayList<>();
        try (ShareVault v = ShareVault.open(store(backend), "p".toCharArray(), new SecureRandom())) {
            all.add(v.toString());
        }
        assertTrue(all.get(0).contains("redacted"));
    }
}
