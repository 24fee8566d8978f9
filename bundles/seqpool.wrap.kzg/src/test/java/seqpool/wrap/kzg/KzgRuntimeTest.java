package seqpool.wrap.kzg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

/**
 * The wrapped library with the bundled trusted setup. Known answers that do not come from the library itself: the
 * commitment of the zero blob is the G1 point at infinity, and the commitment of the blob whose only non-zero field
 * element is a 1 at index i is the trusted setup's Lagrange point for i (C-KZG-4844 keeps those points in bit-reversed
 * order: index i of the blob uses line {@code reverse12(i)} of the file's G1 section). The setup itself is pinned by
 * its SHA-256 (the mainnet KZG ceremony output as C-KZG-4844 distributes it).
 */
class KzgRuntimeTest {
    static final String SETUP_SHA256 = "e695ba9905a832de98dc3567febe326b760382bfd77a9a6880ca51b602a7d7ff";
    static final int BLOB = CKZG4844JNI.BYTES_PER_BLOB;
    static List<String> setup;

    @BeforeAll
    static void load() throws IOException {
        KzgRuntime.load();
        KzgRuntime.load(); // idempotent
        try (InputStream in = KzgRuntime.class.getResourceAsStream(KzgRuntime.TRUSTED_SETUP_RESOURCE)) {
            assertNotNull(in, "the trusted setup is a resource of the wrapper");
            byte[] bytes = in.readAllBytes();
            setup = List.of(new String(bytes, StandardCharsets.US_ASCII).split("\n"));
            try {
                assertEquals(SETUP_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals("4096", setup.get(0));
        assertEquals("65", setup.get(1));
    }

    @Test
    void zeroBlobCommitsToThePointAtInfinity() {
        byte[] blob = new byte[BLOB];
        byte[] infinity = new byte[48];
        infinity[0] = (byte) 0xc0;
        byte[] commitment = CKZG4844JNI.blobToKzgCommitment(blob);
        assertArrayEquals(infinity, commitment);
        byte[] proof = CKZG4844JNI.computeBlobKzgProof(blob, commitment);
        assertArrayEquals(infinity, proof);
        assertTrue(CKZG4844JNI.verifyBlobKzgProof(blob, commitment, proof));
    }

    @Test
    void unitBlobsCommitToTheSetupsLagrangePoints() {
        for (int i : new int[] {0, 1, 2, 4095}) {
            byte[] blob = new byte[BLOB];
            blob[32 * i + 31] = 1;
            String expected = setup.get(2 + reverse12(i));
            assertEquals(expected, HexFormat.of().formatHex(CKZG4844JNI.blobToKzgCommitment(blob)), "element " + i);
        }
        assertEquals(2048, reverse12(1));
    }

    @Test
    void proofsVerifyAndWrongOnesAreRejected() {
        byte[] a = randomBlob(1);
        byte[] b = randomBlob(2);
        byte[] ca = CKZG4844JNI.blobToKzgCommitment(a);
        byte[] cb = CKZG4844JNI.blobToKzgCommitment(b);
        byte[] pa = CKZG4844JNI.computeBlobKzgProof(a, ca);
        byte[] pb = CKZG4844JNI.computeBlobKzgProof(b, cb);
        assertTrue(CKZG4844JNI.verifyBlobKzgProof(a, ca, pa));
        assertTrue(CKZG4844JNI.verifyBlobKzgProof(b, cb, pb));
        assertFalse(CKZG4844JNI.verifyBlobKzgProof(a, ca, pb), "another blob's proof");
        assertFalse(CKZG4844JNI.verifyBlobKzgProof(a, cb, pa), "another blob's commitment");
        byte[] tampered = a.clone();
        tampered[1000] ^= 1;
        assertFalse(CKZG4844JNI.verifyBlobKzgProof(tampered, ca, pa), "a changed blob");
    }

    @Test
    void fieldElementsAboveTheModulusAreRefused() {
        byte[] blob = new byte[BLOB];
        java.util.Arrays.fill(blob, 0, 32, (byte) 0xff);
        assertThrows(CKZGException.class, () -> CKZG4844JNI.blobToKzgCommitment(blob));
    }

    static byte[] randomBlob(long seed) {
        byte[] blob = new byte[BLOB];
        new Random(seed).nextBytes(blob);
        for (int i = 0; i < BLOB; i += 32) {
            blob[i] = 0;
        }
        return blob;
    }

    static int reverse12(int i) {
        return Integer.reverse(i) >>> 20;
    }
}
