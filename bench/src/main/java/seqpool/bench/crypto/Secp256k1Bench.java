package seqpool.bench.crypto;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.crypto.Secp256k1;
import seqpool.codec.crypto.Secp256k1Verifier;

/**
 * secp256k1 ECDSA as consensus uses it for votes: signing, checking by recovery (the stateless
 * {@code Secp256k1.verify}) and checking against a remembered key with wide tables ({@link Secp256k1Verifier}). One
 * signer, a ring of 256 distinct digests. Run: see docs/performance.md ("Signatures").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class Secp256k1Bench {
    private static final int RING = 256;

    private LocalNodeSigner signer;
    private Secp256k1Verifier verifier;
    private final Hash32[] digests = new Hash32[RING];
    private final EcdsaSignature[] signatures = new EcdsaSignature[RING];
    private int next;

    @Setup
    public void setup() {
        byte[] key = new byte[32];
        key[31] = 0x2a;
        signer = LocalNodeSigner.fromPrivateKey(key);
        for (int i = 0; i < RING; i++) {
            byte[] d = new byte[32];
            d[0] = (byte) i;
            d[31] = 0x55;
            digests[i] = new Hash32(Bytes.wrap(d));
            signatures[i] = signer.sign(digests[i]);
        }
        verifier = new Secp256k1Verifier();
        verifier.verify(digests[0], signatures[0], signer.address()); // learns the key
    }

    private int step() {
        next = (next + 1) % RING;
        return next;
    }

    @Benchmark
    public EcdsaSignature sign() {
        return signer.sign(digests[step()]);
    }

    @Benchmark
    public boolean verifyByRecovery() {
        int i = step();
        return Secp256k1.verify(digests[i], signatures[i], signer.address());
    }

    @Benchmark
    public boolean verifyKnownKey() {
        int i = step();
        return verifier.verify(digests[i], signatures[i], signer.address());
    }
}
