package seqpool.submitter.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import seqpool.api.submitter.BatchFormatException;

/**
 * A strict RLP reader: the input must be exactly one item in canonical form (the shortest prefix for every length,
 * a single byte below 0x80 never wrapped in a string prefix, no length with leading zero bytes), every length must
 * stay inside its enclosing item, and lists nest at most {@link #MAX_DEPTH} deep. Errors give the byte offset.
 * web3j's RLP decoder is lenient on all of these (and pads a length that runs past the input with zeros), so batch
 * data is read with this; web3j's encoder writes it. Stateless.
 */
public final class RlpReader {
    /** Deep enough for the batch format (batch, block list, block, transaction list); bounds recursion. */
    public static final int MAX_DEPTH = 8;

    /** An RLP item: a byte string or a list, with the offset of its prefix in the input. */
    public sealed interface Item permits Str, Lst {
        int offset();
    }

    public record Str(byte[] bytes, int offset) implements Item {
    }

    public record Lst(List<Item> items, int offset) implements Item {
    }

    private RlpReader() {
    }

    /** Reads {@code in} as exactly one item. */
    public static Item read(byte[] in) throws BatchFormatException {
        int[] end = new int[1];
        Item item = item(in, 0, in.length, 0, end);
        if (end[0] != in.length) {
            throw new BatchFormatException("RLP: " + (in.length - end[0]) + " trailing bytes at offset " + end[0]);
        }
        return item;
    }

    private static Item item(byte[] in, int pos, int limit, int depth, int[] end) throws BatchFormatException {
        if (pos >= limit) {
            throw new BatchFormatException("RLP: item expected at offset " + pos + ", input ends");
        }
        int b = in[pos] & 0xff;
        if (b < 0x80) {
            end[0] = pos + 1;
            return new Str(new byte[] {(byte) b}, pos);
        }
        boolean list = b >= 0xc0;
        int base = list ? 0xc0 : 0x80;
        int start;
        long length;
        if (b - base <= 55) {
            length = b - base;
            start = pos + 1;
        } else {
            int lenOfLen = b - base - 55;
            if (pos + 1 + lenOfLen > limit) {
                throw new BatchFormatException("RLP: length of length " + lenOfLen + " at offset " + pos
                        + " runs past its enclosing item");
            }
            if (in[pos + 1] == 0) {
                throw new BatchFormatException("RLP: non-canonical length (leading zero) at offset " + pos);
            }
            length = 0;
            for (int i = 0; i < lenOfLen; i++) {
                length = (length << 8) | (in[pos + 1 + i] & 0xff);
                if (length > Integer.MAX_VALUE) {
                    throw new BatchFormatException("RLP: length over 2^31 at offset " + pos);
                }
            }
            if (length <= 55) {
                throw new BatchFormatException("RLP: non-canonical long form for length " + length + " at offset "
                        + pos);
            }
            start = pos + 1 + lenOfLen;
        }
        if (length > limit - start) {
            throw new BatchFormatException("RLP: " + (list ? "list" : "string") + " at offset " + pos + " declares "
                    + length + " bytes, only " + (limit - start) + " left in its enclosing item");
        }
        int stop = start + (int) length;
        end[0] = stop;
        if (!list) {
            if (length == 1 && (in[start] & 0xff) < 0x80) {
                throw new BatchFormatException("RLP: non-canonical single byte 0x"
                        + Integer.toHexString(in[start] & 0xff) + " in a string prefix at offset " + pos);
            }
            return new Str(Arrays.copyOfRange(in, start, stop), pos);
        }
        if (depth >= MAX_DEPTH) {
            throw new BatchFormatException("RLP: lists nested deeper than " + MAX_DEPTH + " at offset " + pos);
        }
        List<Item> items = new ArrayList<>();
        int p = start;
        int[] childEnd = new int[1];
        while (p < stop) {
            items.add(item(in, p, stop, depth + 1, childEnd));
            p = childEnd[0];
        }
        return new Lst(List.copyOf(items), pos);
    }
}
