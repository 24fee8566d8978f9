package seqpool.submitter.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import seqpool.api.submitter.BatchFormatException;
import seqpool.submitter.batch.RlpReader.Item;
import seqpool.submitter.batch.RlpReader.Lst;
import seqpool.submitter.batch.RlpReader.Str;

class RlpReaderTest {
    @Test
    void readsWhatWeb3jWrites() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            RlpType value = randomItem(random, 0);
            byte[] encoded = RlpEncoder.encode(value);
            assertArrayEquals(encoded, RlpEncoder.encode(toWeb3j(RlpReader.read(encoded))));
        }
    }

    @Test
    void canonicalExamples() throws Exception {
        assertArrayEquals(new byte[0], ((Str) RlpReader.read(hex("80"))).bytes());
        assertArrayEquals(new byte[] {0x7f}, ((Str) RlpReader.read(hex("7f"))).bytes());
        assertArrayEquals(new byte[] {(byte) 0x80}, ((Str) RlpReader.read(hex("8180"))).bytes());
        assertEquals(0, ((Lst) RlpReader.read(hex("c0"))).items().size());
        byte[] s56 = new byte[56];
        byte[] enc = new byte[58];
        enc[0] = (byte) 0xb8;
        enc[1] = 56;
        assertArrayEquals(s56, ((Str) RlpReader.read(enc)).bytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty input,                  '',             input ends",
        "trailing byte,                8000,           1 trailing bytes at offset 1",
        "two items,                    c0c0,           trailing",
        "single byte in a prefix,      8105,           non-canonical single byte",
        "long form for a short string, b80161,         non-canonical long form",
        "leading zero in a length,     b9003861,       leading zero",
        "string past the input,        83616263ff00,   trailing",
        "string runs past the end,     8561,           declares 5 bytes, only 1 left",
        "length of length past end,    bb01,           runs past",
        "list item past its list,      c28361626364,   declares 3 bytes, only 1 left",
        "long list form for a short,   f80180,         non-canonical long form",
    })
    void rejects(String what, String input, String message) {
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> RlpReader.read(hex(input)), what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }

    @Test
    void boundsNesting() throws Exception {
        byte[] deep = new byte[RlpReader.MAX_DEPTH + 1];
        for (int i = 0; i < deep.length; i++) {
            deep[i] = (byte) (0xc0 + deep.length - 1 - i);
        }
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> RlpReader.read(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        byte[] ok = new byte[RlpReader.MAX_DEPTH];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = (byte) (0xc0 + ok.length - 1 - i);
        }
        RlpReader.read(ok);
    }

    @Test
    void hugeDeclaredLengthsFailWithoutAllocating() {
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> RlpReader.read(hex("bb7fffffff00")));
        assertTrue(e.getMessage().contains("only 1 left"), e.getMessage());
        e = assertThrows(BatchFormatException.class, () -> RlpReader.read(hex("bf0100000000000000")));
        assertTrue(e.getMessage().contains("over 2^31") || e.getMessage().contains("runs past"), e.getMessage());
    }

    static RlpType randomItem(Random random, int depth) {
        if (depth < 3 && random.nextInt(3) == 0) {
            List<RlpType> items = new ArrayList<>();
            int n = random.nextInt(depth == 0 ? 40 : 6);
            for (int i = 0; i < n; i++) {
                items.add(randomItem(random, depth + 1));
            }
            return new RlpList(items);
        }
        int[] sizes = {0, 1, 1, 2, 20, 32, 55, 56, 57, 300, 3000};
        byte[] b = new byte[sizes[random.nextInt(sizes.length)]];
        random.nextBytes(b);
        return RlpString.create(b);
    }

    static RlpType toWeb3j(Item item) {
        if (item instanceof Str s) {
            return RlpString.create(s.bytes());
        }
        List<RlpType> out = new ArrayList<>();
        for (Item i : ((Lst) item).items()) {
            out.add(toWeb3j(i));
        }
        return new RlpList(out);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
