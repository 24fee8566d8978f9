package seqpool.submitter.host;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.common.Bytes;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchBlob;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BatchFormatException;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.EncodedBatch;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;
import seqpool.submitter.fee.L1Fork;

/**
 * The batch codec as a service ({@code seqpool.submitter} configuration required: the chain id must be the
 * sequencer's). KZG's native library and trusted setup load on the first blob.
 */
@Component(service = BatchCodec.class, configurationPid = "seqpool.submitter",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SubmitterConfig.class)
public final class BatchCodecComponent implements BatchCodec {
    private final DefaultBatchCodec codec;

    @Activate
    public BatchCodecComponent(SubmitterConfig config) {
        this.codec = create(config);
    }

    static DefaultBatchCodec create(SubmitterConfig config) {
        BatchCompression compression;
        try {
            compression = BatchCompression.valueOf(config.compression().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seqpool.submitter compression: zlib or zstd, got '"
                    + config.compression() + "'", e);
        }
        L1Fork fork = L1Fork.of(config.l1Fork(), config.maxBlobsPerTransaction());
        return new DefaultBatchCodec(new BatchEnvelope(config.chainId(), compression, config.zlibLevel(),
                config.zstdLevel()), fork.maxBlobsPerTx());
    }

    @Override
    public BatchCompression compression() {
        return codec.compression();
    }

    @Override
    public int maxBlobsPerTransaction() {
        return codec.maxBlobsPerTransaction();
    }

    @Override
    public EncodedBatch encode(List<L2Block> blocks) {
        return codec.encode(blocks);
    }

    @Override
    public List<L2Block> decode(Bytes data) throws BatchFormatException {
        return codec.decode(data);
    }

    @Override
    public List<BatchBlob> toBlobs(Bytes data) {
        return codec.toBlobs(data);
    }

    @Override
    public Bytes fromBlobs(List<Bytes> blobs) throws BatchFormatException {
        return codec.fromBlobs(blobs);
    }

    @Override
    public BuiltBatch build(long batchIndex, List<L2Block> blocks, DataCommitment.Kind kind) {
        return codec.build(batchIndex, blocks, kind);
    }
}
