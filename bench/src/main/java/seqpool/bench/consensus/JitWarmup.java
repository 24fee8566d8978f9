package seqpool.bench.consensus;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.crypto.Secp256k1Verifier;

/**
 * Compiles the hot crypto paths (AES-GCM as TLS 1.3 uses it, secp256k1 signing and verification, Keccak) on one
 * thread before the validators start. With 21 validators on 2 cores, ~60 busy threads otherwise starve the JIT
 * compiler threads: GHASH then runs as plain Java (no CLMUL intrinsic) for tens of seconds, blocks take seconds to
 * encrypt, and the run measures the JIT rather than the engine. On its own machine a node warms up unhindered.
 */
final class JitWarmup {
    private JitWarmup() {
    }

    static void run(long millis) throws GeneralSecurityException {
        long end = System.nanoTime() + millis * 1_000_000L;
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        byte[] iv = new byte[12];
        ByteBuffer[] in = {ByteBuffer.allocate(16_384), ByteBuffer.allocateDirect(16_384)};
        ByteBuffer[] out = {ByteBuffer.allocate(16_500), ByteBuffer.allocateDirect(16_500)};
        LocalNodeSigner signer = LocalNodeSigner.fromPrivateKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        Secp256k1Verifier verifier = new Secp256k1Verifier();
        byte[] block = new byte[64 << 10];
        long n = 0;
        while (System.nanoTime() < end) {
            n++;
            for (int b = 0; b < 8; b++) {
                iv[b] = (byte) (n >>> (8 * b));
            }
            int size = (int) (64 + (n * 997) % 16_000);
            for (int d = 0; d < 2; d++) {
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                gcm.updateAAD(new byte[5]);
                in[d].clear().limit(size);
                out[d].clear();
                gcm.doFinal(in[d], out[d]);
                out[d].flip();
                in[d].clear();
                gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
                gcm.updateAAD(new byte[5]);
                gcm.doFinal(out[d], in[d]);
                iv[11]++;
            }
            if (n % 8 == 0) {
                Hash32 digest = new Hash32(Bytes.wrap(Keccak.digest(block)));
                verifier.verify(digest, signer.sign(digest), signer.address());
            }
        }
    }
}
