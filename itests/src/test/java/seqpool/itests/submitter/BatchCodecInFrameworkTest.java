package seqpool.itests.submitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchBlob;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.l2.L2HeaderHashing;

/**
 * The batch codec inside Felix: configured through ConfigAdmin, it builds a zstd-compressed blob batch (zstd-jni's
 * native library through its Bundle-NativeCode, C-KZG-4844's JNI library and trusted setup from seqpool.wrap.kzg),
 * and decodes it back from the blobs. Checks that the native classes come from their bundles and that the proofs
 * verify inside the framework (and a wrong one does not).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class BatchCodecInFrameworkTest {
    static final long CHAIN_ID = 901;

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin cm;

    @Test
    void zstdAndKzgWorkInsideTheFramework() throws Exception {
        Configuration config = cm.getConfiguration("seqpool.submitter", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("chainId", CHAIN_ID);
        props.put("compression", "zstd");
        props.put("l1Fork", "prague");
        config.update(props);
        ServiceTracker<BatchCodec, BatchCodec> tracker = new ServiceTracker<>(context, BatchCodec.class, null);
        tracker.open();
        try {
            BatchCodec codec = tracker.waitForService(30_000);
            assertNotNull(codec, "the batch codec component did not start");
            assertEquals(BatchCompression.ZSTD, codec.compression());
            assertEquals(9, codec.maxBlobsPerTransaction());

            List<L2Block> blocks = blocks(6);
            BuiltBatch batch = codec.build(1, blocks, DataCommitment.Kind.BLOB);
            assertEquals(BatchCompression.ZSTD, batch.encoded().compression());
            assertEquals(2, batch.encoded().data().get(1), "zstd's compression id");
            assertFalse(batch.blobs().isEmpty());
            List<Bytes> raw = batch.blobs().stream().map(BatchBlob::blob).toList();
            assertEquals(blocks, codec.decode(codec.fromBlobs(raw)));

            // a tampered blob does not decode
            byte[] t = raw.get(0).toArray();
            t[32 * 3 + 7] ^= 0x01;
            assertThrows(BatchFormatException.class, () -> codec.decode(codec.fromBlobs(List.of(Bytes.wrap(t)))));

            // the natives come from their bundles, and the submitter is wired to them
            Bundle kzg = bundle("seqpool.wrap.kzg");
            Bundle zstd = bundle("com.github.luben.zstd-jni");
            Bundle submitter = bundle("seqpool.submitter");
            assertSame(kzg, provider(submitter, "ethereum.ckzg4844"));
            assertSame(zstd, provider(submitter, "com.github.luben.zstd"));
            Class<?> jni = kzg.loadClass("ethereum.ckzg4844.CKZG4844JNI");
            assertSame(kzg, FrameworkUtil.getBundle(jni));
            Method verify = jni.getMethod("verifyBlobKzgProof", byte[].class, byte[].class, byte[].class);
            BatchBlob b0 = batch.blobs().get(0);
            assertEquals(true, verify.invoke(null, b0.blob().toArray(), b0.commitment().toArray(),
                    b0.proof().toArray()));
            byte[] wrongProof = b0.commitment().toArray(); // a valid G1 point, not the proof
            assertEquals(false, verify.invoke(null, b0.blob().toArray(), b0.commitment().toArray(), wrongProof));
            Class<?> z = zstd.loadClass("com.github.luben.zstd.Zstd");
            assertSame(zstd, FrameworkUtil.getBundle(z));
            assertTrue((int) z.getMethod("maxCompressionLevel").invoke(null) >= 19, "zstd's native library answers");
        } finally {
            tracker.close();
            config.delete();
        }
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    private static Bundle provider(Bundle importer, String pkg) {
        for (BundleWire w : importer.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if (pkg.equals(w.getCapability().getAttributes().get("osgi.wiring.package"))) {
                return w.getProvider().getBundle();
            }
        }
        throw new AssertionError(importer.getSymbolicName() + " does not import " + pkg);
    }

    /** Linked blocks signed by one producer key; the transactions are opaque bytes to the codec. */
    static List<L2Block> blocks(int n) {
        byte[] key = new byte[32];
        key[31] = 42;
        LocalNodeSigner producer = LocalNodeSigner.fromPrivateKey(key);
        Random random = new Random(5);
        List<L2Block> out = new ArrayList<>();
        Hash32 parent = Hash32.ZERO;
        for (int i = 1; i <= n; i++) {
            List<Bytes> txs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                byte[] tx = new byte[110 + t];
                random.nextBytes(tx);
                txs.add(Bytes.wrap(tx));
            }
            byte[] root = new byte[32];
            random.nextBytes(root);
            Hash32 stateRoot = new Hash32(Bytes.wrap(root));
            long ts = 1_700_000_000_000L + 1000L * i;
            Hash32 hash = L2HeaderHashing.hash(CHAIN_ID, i, parent, 0, producer.address(), ts,
                    L2HeaderHashing.txRoot(txs), stateRoot);
            out.add(new L2Block(i, hash, parent, 0, producer.address(), ts, txs, stateRoot, producer.sign(hash)));
            parent = hash;
        }
        return out;
    }
}
