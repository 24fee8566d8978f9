/**
 * Encrypted storage of key shares and FROST nonces in the node's {@link seqpool.api.store.KeyValueStore}: a key
 * encryption key derived from the operator's passphrase (scrypt), one random data key per generation wrapped under it,
 * AES-256-GCM everywhere. Erasing a generation deletes its wrapped data key with its share and nonces.
 */
package seqpool.tss.keystore;
