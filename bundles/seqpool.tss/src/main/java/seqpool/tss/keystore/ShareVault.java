package seqpool.tss.keystore;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.KvEntry;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.WriteBatch;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.tss.frost.SigningCommitment;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.share.KeyShare;

/**
 * Key shares and FROST nonces of this node, encrypted in the store (database {@code tss.vault.v1}).
 *
 * <p>Layout: {@code meta} (scrypt salt and parameters, check value); {@code k/<key>} the public {@link KeyInfo};
 * {@code d/<key>/<gen>} the generation's data key sealed under the passphrase key; {@code s/<key>/<gen>} the share
 * sealed under the data key; {@code n/<key>/<gen>/<id>} a nonce pair (public commitment ‖ sealed scalars). Every AAD is
 * the entry's store key, so no sealed value can be moved to another slot.
 *
 * <p>Security: {@link #eraseGeneration} deletes the data key, the share and every nonce of the generation in one
 * atomic commit; without the data key no copy of the share (e.g. in free pages of the store file) can be decrypted.
 * {@link #takeNonce} deletes the nonce durably before returning it, so a nonce signs at most once, crash or not.
 * Nothing secret is logged. Thread-safe (store commits are serialised; data keys are unwrapped on each use).
 *
 * <p>Atomic take: the store API offers write batches and read snapshots but no read-modify-write (a batch cannot be
 * conditional on what it deletes), and {@code seqpool.api} stays unchanged. So every operation that reads or removes
 * nonces runs under one lock per store instance ({@link #lockFor}), shared by every vault of this bundle over that
 * store: read, check and delete-commit of a nonce happen while no other taker (and no erase) can interleave. That is
 * enough because the vault is the only writer of its database ({@code tss.vault.v1}), the store instance is the
 * node's single {@code KeyValueStore} service object, and a store file is opened by one process (LMDB lock file).
 */
public final class ShareVault implements AutoCloseable {
    public static final DatabaseName DB = DatabaseName.of("tss.vault.v1");
    private static final byte[] META = "meta".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CHECK = "seqpool-tss-vault-check-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final KeyValueStore store;
    private final Database db;
    private final SecureRandom random;
    private final PassphraseKey kek;
    private final Object nonceLock;

    /** One lock per store instance (identity), weakly held, for every vault of this bundle over that store. */
    private static final Map<KeyValueStore, Object> LOCKS = new WeakHashMap<>();

    private ShareVault(KeyValueStore store, Database db, SecureRandom random, PassphraseKey kek) {
        this.store = store;
        this.db = db;
        this.random = random;
        this.kek = kek;
        this.nonceLock = lockFor(store);
    }

    /** The lock that serialises nonce takes and erasures over {@code store}. */
    static Object lockFor(KeyValueStore store) {
        synchronized (LOCKS) {
            // WeakHashMap compares keys with equals(); stores do not override it, so this is by identity.
            return LOCKS.computeIfAbsent(store, k -> new Object());
        }
    }

    /**
     * Opens the vault, creating it on first use. Fails with {@link WrongPassphraseException} if the store was created
     * with another passphrase.
     */
    public static ShareVault open(KeyValueStore store, char[] passphrase, SecureRandom random)
            throws StoreException, WrongPassphraseException {
        Database db = store.database(DB);
        Optional<Bytes> meta = store.get(db, Bytes.wrap(META));
        if (meta.isEmpty()) {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            PassphraseKey k = PassphraseKey.derive(passphrase, salt, PassphraseKey.N, PassphraseKey.R, PassphraseKey.P);
            byte[] check = Aead.seal(k.bytes(), CHECK, META, random);
            byte[] m = new seqpool.codec.wire.WireWriter().raw(salt).u32(PassphraseKey.N).u32(PassphraseKey.R)
                    .u32(PassphraseKey.P).bytes(check).toByteArray();
            store.commit(store.newBatch().put(db, Bytes.wrap(META), Bytes.wrap(m)));
            return new ShareVault(store, db, random, k);
        }
        try {
            seqpool.codec.wire.WireReader r = new seqpool.codec.wire.WireReader(meta.get().toArray());
            byte[] salt = r.raw(32);
            int n = (int) r.u32();
            int rr = (int) r.u32();
            int p = (int) r.u32();
            byte[] check = r.bytes(256);
            PassphraseKey k = PassphraseKey.derive(passphrase, salt, n, rr, p);
            byte[] opened = Aead.open(k.bytes(), check, META);
            if (opened == null || !Arrays.equals(opened, CHECK)) {
                k.destroy();
                throw new WrongPassphraseException();
            }
            return new ShareVault(store, db, random, k);
        } catch (MalformedMessageException e) {
            throw new StoreException("TSS vault metadata is corrupt: " + e.getMessage());
        }
    }

    public Optional<KeyInfo> keyInfo(KeyId id) throws StoreException {
        Optional<Bytes> b = store.get(db, Bytes.wrap(VaultCodec.key("k/", id, 0, 0, 0)));
        if (b.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VaultCodec.decodeInfo(b.get().toArray()));
        } catch (MalformedMessageException e) {
            throw new StoreException("key record of " + id + " is corrupt: " + e.getMessage());
        }
    }

    public List<KeyInfo> keys() throws StoreException {
        List<KeyInfo> out = new ArrayList<>();
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.prefix(db, Bytes.wrap("k/".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            while (it.hasNext()) {
                try {
                    out.add(VaultCodec.decodeInfo(it.next().value().toArray()));
                } catch (MalformedMessageException e) {
                    throw new StoreException("a key record is corrupt: " + e.getMessage());
                }
            }
        }
        return out;
    }

    public void putKeyInfo(KeyInfo info) throws StoreException {
        store.commit(store.newBatch().put(db, Bytes.wrap(VaultCodec.key("k/", info.keyId(), 0, 0, 0)),
                Bytes.wrap(VaultCodec.encodeInfo(info))));
    }

    /** Stores a new generation's share under a fresh data key, together with the key record, atomically. */
    public void saveGeneration(KeyId id, KeyShare share, KeyInfo info) throws StoreException {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] dk = VaultCodec.key("d/", id, share.generation(), 0, 1);
        byte[] sk = VaultCodec.key("s/", id, share.generation(), 0, 1);
        byte[] plain = VaultCodec.encodeShare(share);
        try {
            WriteBatch b = store.newBatch()
                    .put(db, Bytes.wrap(dk), Bytes.wrap(Aead.seal(kek.bytes(), dataKey, dk, random)))
                    .put(db, Bytes.wrap(sk), Bytes.wrap(Aead.seal(dataKey, plain, sk, random)))
                    .put(db, Bytes.wrap(VaultCodec.key("k/", id, 0, 0, 0)), Bytes.wrap(VaultCodec.encodeInfo(info)));
            store.commit(b);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] dataKey(KeyId id, int generation) throws StoreException {
        byte[] dk = VaultCodec.key("d/", id, generation, 0, 1);
        Optional<Bytes> sealed = store.get(db, Bytes.wrap(dk));
        if (sealed.isEmpty()) {
            return null;
        }
        byte[] k = Aead.open(kek.bytes(), sealed.get().toArray(), dk);
        if (k == null) {
            throw new StoreException("data key of " + id + " generation " + generation + " does not authenticate");
        }
        return k;
    }

    /** The share of a generation, or empty if this node holds none (never had, or erased). */
    public Optional<KeyShare> loadShare(KeyId id, int generation) throws StoreException {
        byte[] k = dataKey(id, generation);
        if (k == null) {
            return Optional.empty();
        }
        byte[] sk = VaultCodec.key("s/", id, generation, 0, 1);
        try {
            Optional<Bytes> sealed = store.get(db, Bytes.wrap(sk));
            if (sealed.isEmpty()) {
                return Optional.empty();
            }
            byte[] plain = Aead.open(k, sealed.get().toArray(), sk);
            if (plain == null) {
                throw new StoreException("share of " + id + " generation " + generation + " does not authenticate");
            }
            try {
                return Optional.of(VaultCodec.decodeShare(plain));
            } catch (MalformedMessageException e) {
                throw new StoreException("share of " + id + " generation " + generation + " is corrupt: " + e.getMessage());
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Erases a generation for good: data key, share and nonces, in one atomic commit. */
    public void eraseGeneration(KeyId id, int generation) throws StoreException {
        WriteBatch b = store.newBatch()
                .delete(db, Bytes.wrap(VaultCodec.key("d/", id, generation, 0, 1)))
                .delete(db, Bytes.wrap(VaultCodec.key("s/", id, generation, 0, 1)));
        byte[] from = VaultCodec.key("n/", id, generation, 0, 2);
        byte[] to = VaultCodec.key("n/", id, generation + 1, 0, 2);
        b.deleteRange(db, Bytes.wrap(Arrays.copyOf(from, from.length - 8)), Bytes.wrap(Arrays.copyOf(to, to.length - 8)));
        synchronized (nonceLock) {
            store.commit(b);
        }
    }

    /** Erases every generation of a key (data keys, shares, nonces) and marks its record with {@code info}. */
    public void eraseKey(KeyId id, KeyInfo info) throws StoreException {
        WriteBatch b = store.newBatch();
        for (String tag : new String[] {"d/", "s/", "n/"}) {
            byte[] from = VaultCodec.key(tag, id, 0, 0, 0);
            byte[] to = from.clone();
            to[to.length - 1] = 1;
            b.deleteRange(db, Bytes.wrap(from), Bytes.wrap(to));
        }
        b.put(db, Bytes.wrap(VaultCodec.key("k/", id, 0, 0, 0)), Bytes.wrap(VaultCodec.encodeInfo(info)));
        synchronized (nonceLock) {
            store.commit(b);
        }
    }

    /** Stores pre-generated nonces of a generation (encrypted under its data key); returns their ids. */
    public List<Long> storeNonces(KeyId id, int generation, List<SigningNonces> nonces, long firstId) throws StoreException {
        byte[] k = dataKey(id, generation);
        if (k == null) {
            throw new StoreException("no share of " + id + " generation " + generation + " on this node");
        }
        try {
            WriteBatch b = store.newBatch();
            List<Long> ids = new ArrayList<>();
            long next = firstId;
            for (SigningNonces n : nonces) {
                byte[] key = VaultCodec.key("n/", id, generation, next, 2);
                byte[] scalars = n.exportScalars();
                byte[] value = seqpool.tss.math.HashToField.concat(n.commitment().encode(), Aead.seal(k, scalars, key, random));
                Arrays.fill(scalars, (byte) 0);
                b.put(db, Bytes.wrap(key), Bytes.wrap(value));
                ids.add(next++);
            }
            store.commit(b);
            return ids;
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The public commitments of the stored nonces of a generation, by nonce id, ascending. */
    public List<StoredNonce> nonceCommitments(KeyId id, int generation) throws StoreException {
        List<StoredNonce> out = new ArrayList<>();
        byte[] prefix = VaultCodec.key("n/", id, generation, 0, 2);
        prefix = Arrays.copyOf(prefix, prefix.length - 8);
        try (ReadSnapshot s = store.snapshot()) {
            Iterator<KvEntry> it = s.prefix(db, Bytes.wrap(prefix));
            while (it.hasNext()) {
                KvEntry e = it.next();
                byte[] key = e.key().toArray();
                long nonceId = java.nio.ByteBuffer.wrap(key, key.length - 8, 8).getLong();
                try {
                    out.add(new StoredNonce(nonceId, SigningCommitment.decode(
                            Arrays.copyOf(e.value().toArray(), SigningCommitment.ENCODED_BYTES))));
                } catch (InvalidEncodingException ex) {
                    throw new StoreException("stored nonce " + nonceId + " is corrupt");
                }
            }
        }
        return out;
    }

    /** A stored nonce's id and public commitment. */
    public record StoredNonce(long id, SigningCommitment commitment) {
    }

    /**
     * Takes a nonce for signing: reads it, deletes it durably (commit returns), then returns it. Empty if it does not
     * exist (already used). The caller signs with it and only then releases the share. Atomic: read and delete happen
     * under the store's vault lock, so of several concurrent takers of one nonce exactly one gets it.
     */
    public Optional<SigningNonces> takeNonce(KeyId id, int generation, long nonceId) throws StoreException {
        byte[] key = VaultCodec.key("n/", id, generation, nonceId, 2);
        byte[] all;
        byte[] scalars;
        synchronized (nonceLock) {
            Optional<Bytes> v = store.get(db, Bytes.wrap(key));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            byte[] k = dataKey(id, generation);
            if (k == null) {
                return Optional.empty();
            }
            all = v.get().toArray();
            scalars = Aead.open(k, Arrays.copyOfRange(all, SigningCommitment.ENCODED_BYTES, all.length), key);
            Arrays.fill(k, (byte) 0);
            if (scalars == null) {
                throw new StoreException("nonce " + nonceId + " does not authenticate");
            }
            store.commit(store.newBatch().delete(db, Bytes.wrap(key)));
        }
        try {
            SigningCommitment c = SigningCommitment.decode(Arrays.copyOf(all, SigningCommitment.ENCODED_BYTES));
            SigningNonces n = SigningNonces.fromScalars(c.identifier(), Secp256k1Group.decodeScalar(Arrays.copyOfRange(scalars, 0, 32)),
                    Secp256k1Group.decodeScalar(Arrays.copyOfRange(scalars, 32, 64)));
            if (!n.commitment().equals(c)) {
                throw new StoreException("nonce " + nonceId + " does not match its commitment");
            }
            return Optional.of(n);
        } catch (InvalidEncodingException e) {
            throw new StoreException("nonce " + nonceId + " is corrupt");
        } finally {
            Arrays.fill(scalars, (byte) 0);
        }
    }

    @Override
    public void close() {
        kek.destroy();
    }

    @Override
    public String toString() {
        return "ShareVault[" + DB + ", keys <redacted>]";
    }
}
