package seqpool.api.tss;

import java.util.regex.Pattern;

/** The name of a threshold key: 1–64 characters of {@code [a-z0-9._-]} (e.g. {@code pool.batch}). Immutable. */
public record KeyId(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9._-]{1,64}");

    public KeyId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid key id '" + value + "': use 1-64 of [a-z0-9._-]");
        }
    }

    public static KeyId of(String value) {
        return new KeyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
