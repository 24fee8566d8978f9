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

    /**
     * Several threads take the same nonce at once, round after round: exactly one of them gets it. (The vault used to
     * read and delete in two steps, and two takers both got the nonce in almost every round.) Two vaults over the
     * same store take part too, as two instances of the service would during a blue-green swap.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "lmdb"})
    void concurrentTakersGetANonceOnce(String backend) throws Exception {
        KeyValueStore store = store(backend);
        int rounds = backend.equals("lmdb") ? 100 : 300;
        int takers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(takers);
        try (ShareVault v1 = ShareVault.open(store, "p".toCharArray(), new SecureRandom());
                ShareVault v2 = ShareVault.open(store, "p".toCharArray(), new SecureRandom())) {
            KeyShare s = share();
            v1.saveGeneration(KEY, s, new KeyInfo(KEY, 1, C, Bytes.wrap(s.publicKeys().groupKeyBytes()), KeyStatus.ACTIVE));
            int doubles = 0; // rounds that did not hand the nonce out exactly once
            for (int round = 0; round < rounds; round++) {
                long id = 1000 + round;
                v1.storeNonces(KEY, 1, List.of(SigningNonces.generate(s, new SecureRandom())), id);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(takers);
                List<java.util.concurrent.Future<Boolean>> got = new ArrayList<>();
                for (int t = 0; t < takers; t++) {
                    ShareVault v = t % 2 == 0 ? v1 : v2;
                    got.add(pool.submit(() -> {
                        start.await();
                        return v.takeNonce(KEY, 1, id).isPresent();
                    }));
                }
                int n = 0;
                for (var f : got) {
                    n += f.get() ? 1 : 0;
                }
                if (n != 1) {
                    doubles++;
                }
            }
            assertEquals(0, doubles, "rounds (of " + rounds + ") in which the nonce was not handed out exactly once");
        } finally {
            pool.shutdownNow();
            if (store instanceof AutoCloseable c) {
                c.close();
            }
        }
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
