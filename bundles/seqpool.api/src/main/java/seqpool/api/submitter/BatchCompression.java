package seqpool.api.submitter;

/**
 * How the RLP of a batch is compressed; {@link #id()} is the byte that names it in the batch data (docs/batches.md).
 * {@code ZLIB} is RFC 1950 (java.util.zip), {@code ZSTD} a single Zstandard frame (RFC 8878) with content size and
 * checksum.
 */
public enum BatchCompression {
    ZLIB(1), ZSTD(2);

    private final int id;

    BatchCompression(int id) {
        this.id = id;
    }

    /** The compression id byte of the batch data. */
    public int id() {
        return id;
    }

    /** The compression with this id byte, or {@code null} for an unknown id. */
    public static BatchCompression fromId(int id) {
        for (BatchCompression c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }
}
