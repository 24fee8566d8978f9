package seqpool.api.store;

/**
 * The commit did not fit in the configured map size ({@code store.mapSizeMb}); nothing of it was applied. The operator
 * raises the map size and restarts; committed data is intact.
 */
public class StoreFullException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final long mapSizeBytes;

    public StoreFullException(long mapSizeBytes, Throwable cause) {
        super("store is full: the map size of " + mapSizeBytes + " bytes is reached; raise store.mapSizeMb", cause);
        this.mapSizeBytes = mapSizeBytes;
    }

    public long mapSizeBytes() {
        return mapSizeBytes;
    }
}
