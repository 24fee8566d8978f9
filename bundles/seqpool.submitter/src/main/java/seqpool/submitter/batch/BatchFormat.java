package seqpool.submitter.batch;

/**
 * The constants of the batch format, version 1 (docs/batches.md). Batch data is
 * {@code version (1 byte) ‖ compression id (1 byte) ‖ compressed payload}, the payload being the RLP
 * {@code [chainId, [block, ...]]} with {@code block = [number, parentHash, epoch, producer, timestampMillis,
 * stateRoot, producerSignature, [rawTx, ...]]}.
 */
public final class BatchFormat {
    /** The only version so far. */
    public static final int VERSION_1 = 1;
    /** Bytes before the compressed payload: version and compression id. */
    public static final int ENVELOPE_HEADER = 2;
    /**
     * The largest RLP payload of a version-1 batch (16 MiB): encoders refuse more, decoders stop decompressing there
     * (the zip-bomb bound). A protocol constant, not configuration: a batch that one node may post must decode on
     * every other.
     */
    public static final int MAX_PAYLOAD_BYTES = 16 << 20;
    /** Fields of a block in the payload. */
    public static final int BLOCK_FIELDS = 8;
    public static final int SIGNATURE_BYTES = 65;

    private BatchFormat() {
    }
}
