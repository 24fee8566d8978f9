package seqpool.sequencer.derive;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Strict reading of ABI-encoded words from L1 (log data, call arguments): every read is bounds-checked, integers must
 * fit their Solidity type (clean high bits) and addresses their 20 bytes. Offsets are relative to {@code base}.
 * A violation is an {@link L1DataException} naming the field.
 */
final class AbiWords {
    static final int WORD = 32;

    private final byte[] data;
    private final int base;

    AbiWords(Bytes data) {
        this(data.toArray(), 0);
    }

    private AbiWords(byte[] data, int base) {
        this.data = data;
        this.base = base;
    }

    /** The words from {@code offset} (relative to this reader's base) on, as a new reader. */
    AbiWords at(int offset, String field) throws L1DataException {
        check(offset, 0, field);
        return new AbiWords(data, base + offset);
    }

    int size() {
        return data.length - base;
    }

    Bytes word(int index, String field) throws L1DataException {
        int at = index * WORD;
        check(at, WORD, field);
        byte[] w = new byte[WORD];
        System.arraycopy(data, base + at, w, 0, WORD);
        return Bytes.wrap(w);
    }

    Hash32 bytes32(int index, String field) throws L1DataException {
        return new Hash32(word(index, field));
    }

    /** An unsigned integer of {@code bits} bits (8, 32, 64; at most 63 significant bits are returned). */
    long uint(int index, int bits, String field) throws L1DataException {
        BigInteger v = new BigInteger(1, word(index, field).toArray());
        if (v.bitLength() > Math.min(bits, 63)) {
            throw new L1DataException(field + " does not fit uint" + bits + ": " + v);
        }
        return v.longValueExact();
    }

    Address address(int index, String field) throws L1DataException {
        byte[] w = word(index, field).toArray();
        for (int i = 0; i < 12; i++) {
            if (w[i] != 0) {
                throw new L1DataException(field + " is not a 20-byte address");
            }
        }
        byte[] a = new byte[Address.SIZE];
        System.arraycopy(w, 12, a, 0, Address.SIZE);
        return new Address(Bytes.wrap(a));
    }

    /** A dynamic {@code bytes} value whose offset is in word {@code index}. */
    Bytes dynamicBytes(int index, String field) throws L1DataException {
        int offset = offset(index, field);
        int length = lengthAt(offset, field);
        check(offset + WORD, length, field);
        byte[] out = new byte[length];
        System.arraycopy(data, base + offset + WORD, out, 0, length);
        return Bytes.wrap(out);
    }

    /** The offset in word {@code index} (relative to this reader's base), bounds-checked. */
    int offset(int index, String field) throws L1DataException {
        long o = uint(index, 32, field + " offset");
        check(o, WORD, field);
        return (int) o;
    }

    /** The length word at byte {@code offset}. */
    int lengthAt(int offset, String field) throws L1DataException {
        return (int) at(offset, field).uint(0, 32, field + " length");
    }

    private void check(long at, long length, String field) throws L1DataException {
        if (at < 0 || length < 0 || base + at + length > data.length) {
            throw new L1DataException(field + " runs past the end of the ABI data (" + size() + " bytes)");
        }
    }

    static byte[] uintWord(long v) {
        byte[] w = new byte[WORD];
        for (int i = 0; i < 8; i++) {
            w[WORD - 1 - i] = (byte) (v >>> (8 * i));
        }
        return w;
    }
}
