package seqpool.sequencer.derive.l1;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.derive.BlobHasher;
import seqpool.sequencer.derive.L1DataException;
import seqpool.wrap.kzg.KzgRuntime;

/**
 * The versioned hash of a blob computed from the blob itself: {@code blob_to_kzg_commitment} (C-KZG-4844 with the
 * Ethereum trusted setup, {@link KzgRuntime}), then {@code 0x01 ‖ sha256(commitment)[1..32]} (EIP-4844). A commitment
 * served alongside the blob is not trusted. Thread-safe.
 */
public final class KzgBlobHasher implements BlobHasher {
    static final int BYTES_PER_BLOB = 131_072;

    @Override
    public Hash32 versionedHash(Bytes blob) throws L1DataException {
        if (blob.size() != BYTES_PER_BLOB) {
            throw new L1DataException("a blob is 131072 bytes, got " + blob.size());
        }
        KzgRuntime.load();
        byte[] commitment;
        try {
            commitment = CKZG4844JNI.blobToKzgCommitment(blob.toArray());
        } catch (CKZGException | IllegalArgumentException e) {
            throw new L1DataException("not a valid blob: " + e.getMessage());
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(commitment);
            h[0] = 0x01;
            return new Hash32(Bytes.wrap(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
