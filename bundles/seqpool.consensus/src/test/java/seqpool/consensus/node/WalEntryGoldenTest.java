package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.store.StoreException;
import seqpool.consensus.round.RoundStep;

/**
 * Golden bytes of the write-ahead log: a node upgraded to a new version of the module replays the log the old one
 * wrote, so each entry's encoding is pinned (the step of a timeout by an explicit code, not the enum's position).
 */
class WalEntryGoldenTest {
    private static final Address A = Address.fromHex("0x1111111111111111111111111111111111111111");

    @Test
    void timeoutsStoreTheirStepByCode() throws Exception {
        assertEquals("0201000000ff", WalEntry.timeout(RoundStep.PROPOSE, 255).toHex());
        assertEquals("020200000003", WalEntry.timeout(RoundStep.PREVOTE, 3).toHex());
        assertEquals("020300000000", WalEntry.timeout(RoundStep.PRECOMMIT, 0).toHex());
        for (RoundStep s : RoundStep.values()) {
            assertEquals(s, WalEntry.stepOf(WalEntry.stepCode(s)));
        }
        assertThrows(StoreException.class, () -> WalEntry.stepOf((byte) 9), "an unknown code is a clear error");
    }

    @Test
    void messagesAndValuesArePinned() {
        assertEquals("011111111111111111111111111111111111111111" + "0400000000075bcd15",
                WalEntry.message(A, Bytes.fromHex("0x0400000000075bcd15")).toHex());
        Block b = new Block(3, Hash32.fromHex("0x" + "a1".repeat(32)), A, List.of(Bytes.fromHex("0xbeef")), List.of());
        assertEquals("0300000002" + "0000000000000003" + "a1".repeat(32) + "1111111111111111111111111111111111111111"
                + "0000000100000002beef" + "00000000", WalEntry.value(2, b).toHex());
    }
}
