package seqpool.store.keys;

import seqpool.api.common.Bytes;

/** Key-range arithmetic shared by the backends (keys ordered as unsigned bytes, as LMDB orders them). */
public final class KeyBounds {
    private KeyBounds() {
    }

    /**
     * The least key greater than every key that starts with {@code prefix}, or {@code null} when there is none
     * (the prefix is empty or all 0xFF bytes).
     */
    public static Bytes prefixEnd(Bytes prefix) {
        byte[] b = prefix.toArray();
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != (byte) 0xFF) {
                b[i]++;
                return Bytes.of(b).slice(0, i + 1);
            }
        }
        return null;
    }

    /** Rejects a range whose lower bound is after its upper bound; {@code null} bounds are open. */
    public static void checkRange(Object db, Bytes from, Bytes to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new IllegalArgumentException("range on " + db + ": from " + from + " is after to " + to);
        }
    }

    /** Whether {@code key} lies in {@code [from, to)}; {@code null} bounds are open. */
    public static boolean inRange(Bytes key, Bytes from, Bytes to) {
        return (from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) < 0);
    }
}
