package seqpool.store.typed;

import java.util.Objects;

import seqpool.api.store.DatabaseName;

/**
 * A typed database: its name (by convention {@code module.purpose.vN}) and how its keys and values are encoded.
 * Declare columns as constants of the module's schema class; read and write them through {@link TypedStore}.
 */
public record Column<K, V>(DatabaseName database, Serializer<K> keys, Serializer<V> values) {
    public Column {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
    }

    public static <K, V> Column<K, V> of(String database, Serializer<K> keys, Serializer<V> values) {
        return new Column<>(DatabaseName.of(database), keys, values);
    }

    @Override
    public String toString() {
        return "Column[" + database + "]";
    }
}
