package seqpool.api.common;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string. Ordered by unsigned lexicographic comparison, the order LMDB uses for keys.
 * Thread-safe. The constructor and {@link #toArray()} copy, so no caller can change a value it shared.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0], false);

    private final byte[] value;

    private Bytes(byte[] value, boolean copy) {
        this.value = copy ? value.clone() : value;
    }

    public static Bytes of(byte... value) {
        return new Bytes(value, true);
    }

    /** Takes ownership of the array; the caller must not modify it afterwards. */
    public static Bytes wrap(byte[] value) {
        return new Bytes(value, false);
    }

    public static Bytes fromHex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return new Bytes(HexFormat.of().parseHex(h), false);
    }

    public static Bytes utf8(String s) {
        return new Bytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    public int size() {
        return value.length;
    }

    public byte get(int i) {
        return value[i];
    }

    public byte[] toArray() {
        return value.clone();
    }

    public Bytes slice(int from, int to) {
        return new Bytes(Arrays.copyOfRange(value, from, to), false);
    }

    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(value, value.length + other.value.length);
        System.arraycopy(other.value, 0, out, value.length, other.value.length);
        return new Bytes(out, false);
    }

    public boolean startsWith(Bytes prefix) {
        return prefix.value.length <= value.length
                && Arrays.equals(value, 0, prefix.value.length, prefix.value, 0, prefix.value.length);
    }

    public String toHex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(value, o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return value.length <= 64 ? "0x" + toHex() : "0x" + HexFormat.of().formatHex(value, 0, 32) + "…(" + value.length + " bytes)";
    }
}
