package seqpool.submitter.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.submitter.BatchBlob;
import seqpool.wrap.kzg.KzgRuntime;

/**
 * KZG commitments, proofs and versioned hashes of blobs (EIP-4844), through C-KZG-4844 with Ethereum's trusted setup
 * ({@link KzgRuntime}, loaded on first use). Versioned hash: {@code 0x01 ‖ sha256(commitment)[1..32]}. Thread-safe.
 */
public final class BlobKzg {
    public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

    private BlobKzg() {
    }

    /**
     * The sidecar of one blob: commitment, proof ({@code compute_blob_kzg_proof}) and versioned hash.
     *
     * @throws IllegalArgumentException when the blob is not 131,072 bytes of canonical field elements
     */
    public static BatchBlob sidecar(Bytes blob) {
        KzgRuntime.load();
        byte[] b = blob.toArray();
        try {
            byte[] commitment = CKZG4844JNI.blobToKzgCommitment(b);
            byte[] proof = CKZG4844JNI.computeBlobKzgProof(b, commitment);
            return new BatchBlob(blob, Bytes.wrap(commitment), Bytes.wrap(proof), versionedHash(Bytes.wrap(commitment)));
        } catch (CKZGException e) {
            throw new IllegalArgumentException("not a valid blob: " + e.getMessage(), e);
        }
    }

    /** {@code verify_blob_kzg_proof}: false for a wrong proof, commitment or blob, or bytes that are no points. */
    public static boolean verify(Bytes blob, Bytes commitment, Bytes proof) {
        KzgRuntime.load();
        try {
            return CKZG4844JNI.verifyBlobKzgProof(blob.toArray(), commitment.toArray(), proof.toArray());
        } catch (CKZGException e) {
            return false;
        }
    }

    public static Hash32 versionedHash(Bytes commitment) {
        if (commitment.size() != BatchBlob.BYTES_PER_COMMITMENT) {
            throw new IllegalArgumentException("a KZG commitment is 48 bytes, got " + commitment.size());
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(commitment.toArray());
            h[0] = VERSIONED_HASH_VERSION_KZG;
            return new Hash32(Bytes.wrap(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
