package seqpool.submitter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.submitter.testing.TestBlocks;

class BatchCodecComponentTest {
    @Test
    void configuredCodec() throws Exception {
        BatchCodecComponent c = new BatchCodecComponent(config(901, "zstd", "cancun", 0));
        assertEquals(BatchCompression.ZSTD, c.compression());
        assertEquals(6, c.maxBlobsPerTransaction());
        List<L2Block> blocks = TestBlocks.chain(1, 3, 2, 5);
        BuiltBatch b = c.build(1, blocks, DataCommitment.Kind.BLOB);
        assertEquals(blocks, c.decode(c.fromBlobs(b.blobs().stream().map(x -> x.blob()).toList())));
        assertEquals(9, new BatchCodecComponent(config(901, "zlib", "prague", 0)).maxBlobsPerTransaction());
        assertEquals(3, new BatchCodecComponent(config(901, "ZLIB", "prague", 3)).maxBlobsPerTransaction());
    }

    @Test
    void badConfigurationIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchCodecComponent(config(901, "lz4", "prague", 0)));
        assertTrue(e.getMessage().contains("zlib or zstd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchCodecComponent(config(901, "zlib", "osaka",
                0)));
        assertTrue(e.getMessage().contains("unknown L1 fork"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchCodecComponent(config(0, "zlib", "prague", 0)));
    }

    static SubmitterConfig config(long chainId, String compression, String fork, int maxBlobs) {
        return new SubmitterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SubmitterConfig.class;
            }

            @Override
            public long chainId() {
                return chainId;
            }

            @Override
            public String compression() {
                return compression;
            }

            @Override
            public int zlibLevel() {
                return 9;
            }

            @Override
            public int zstdLevel() {
                return 19;
            }

            @Override
            public String l1Fork() {
                return fork;
            }

            @Override
            public int maxBlobsPerTransaction() {
                return maxBlobs;
            }
        };
    }
}
