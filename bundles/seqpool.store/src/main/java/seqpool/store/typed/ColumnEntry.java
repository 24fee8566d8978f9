package seqpool.store.typed;

/** One decoded key and value of a {@link Column}. */
public record ColumnEntry<K, V>(K key, V value) {
}
