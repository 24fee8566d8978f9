package seqpool.codec.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/** The header hash: v1 unchanged for a chain that consumed no forced message, v2 binds the forced cursor. */
class L2HeaderHashingTest {
    static final Hash32 PARENT = Keccak.keccak256(Bytes.utf8("parent"));
    static final Hash32 TX_ROOT = Keccak.keccak256(Bytes.utf8("txs"));
    static final Hash32 STATE = Keccak.keccak256(Bytes.utf8("state"));
    static final Address PRODUCER = Address.fromHex("0x00000000000000000000000000000000000000a1");

    static Hash32 byHand(String tag, Long cursor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(16).putLong(901).putLong(7).array());
        out.writeBytes(PARENT.value().toArray());
        out.writeBytes(ByteBuffer.allocate(8).putLong(2).array());
        out.writeBytes(PRODUCER.value().toArray());
        out.writeBytes(ByteBuffer.allocate(8).putLong(1_700_000_000_000L).array());
        out.writeBytes(TX_ROOT.value().toArray());
        out.writeBytes(STATE.value().toArray());
        if (cursor != null) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(cursor).array());
        }
        return Keccak.keccak256(Bytes.wrap(out.toByteArray()));
    }

    static Hash32 hash(long cursor) {
        return L2HeaderHashing.hash(901, 7, PARENT, 2, PRODUCER, 1_700_000_000_000L, TX_ROOT, STATE, cursor);
    }

    @Test
    void cursorZeroIsTheV1HashByteForByte() {
        Hash32 v1 = byHand("seqpool.L2Header.v1", null);
        assertEquals(v1, hash(0));
        assertEquals(v1, L2HeaderHashing.hash(901, 7, PARENT, 2, PRODUCER, 1_700_000_000_000L, TX_ROOT, STATE));
    }

    @Test
    void aPositiveCursorIsBoundUnderTheV2Tag() {
        assertEquals(byHand("seqpool.L2Header.v2", 1L), hash(1));
        assertEquals(byHand("seqpool.L2Header.v2", 12_345L), hash(12_345));
        assertNotEquals(hash(1), hash(2));
        assertNotEquals(hash(0), hash(1));
        assertThrows(IllegalArgumentException.class, () -> hash(-1));
    }
}
