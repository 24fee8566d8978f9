package seqpool.api.store;

/** Storage figures: the configured maximum size and the bytes in use (both in bytes). */
public record StoreStats(long mapSizeBytes, long usedBytes, int databases) {
}
