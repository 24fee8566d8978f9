package seqpool.api.submitter;

/**
 * Batch data (or the blobs that carry it) that does not follow the batch format: an unknown version or compression id,
 * a bad length, trailing bytes, data past the decompression bound, a non-canonical encoding, or blocks whose hashes,
 * links or signatures do not check. The message names the place (byte offset, blob, block number) and what was wrong.
 * Such data comes from outside (L1, a peer's proposal): this is normal input, not a bug.
 */
public class BatchFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
