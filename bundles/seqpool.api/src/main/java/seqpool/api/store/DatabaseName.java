package seqpool.api.store;

import java.util.regex.Pattern;

/**
 * The name of a database: 1–64 characters of {@code [a-z0-9._-]}, by convention {@code module.purpose.vN}
 * (e.g. {@code consensus.wal.v1}) so that a schema change opens a new database and migrates.
 */
public record DatabaseName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9._-]{1,64}");

    public DatabaseName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid database name '" + value + "': use 1-64 of [a-z0-9._-]");
        }
    }

    public static DatabaseName of(String value) {
        return new DatabaseName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
