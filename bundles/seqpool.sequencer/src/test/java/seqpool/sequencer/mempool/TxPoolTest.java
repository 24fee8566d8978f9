package seqpool.sequencer.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Transaction;
import seqpool.api.sequencer.SubmitResult;
import seqpool.api.sequencer.TxCheck;
import seqpool.codec.crypto.Keccak;

/** Admission, nonce order, replacement by fee bump, bounds and eviction, pruning after a block. */
class TxPoolTest {
    final Map<Address, Long> nonces = new HashMap<>();
    final Address alice = Address.fromHex("0x" + "a1".repeat(20));
    final Address bob = Address.fromHex("0x" + "b2".repeat(20));

    /** A fake raw transaction: sender byte, nonce, fee, salt — the "engine" decodes it. */
    static Bytes raw(Address from, long nonce, long fee, int salt) {
        return Bytes.wrap(ByteBuffer.allocate(20 + 8 + 8 + 4).put(from.value().toArray()).putLong(nonce).putLong(fee)
                .putInt(salt).array());
    }

    TxCheck decode(Bytes raw) {
        ByteBuffer b = ByteBuffer.wrap(raw.toArray());
        byte[] a = new byte[20];
        b.get(a);
        long nonce = b.getLong();
        long fee = b.getLong();
        if (fee == 0) {
            return new TxCheck.Invalid(-32000, "max fee per gas less than block base fee");
        }
        Hash32 h = Keccak.keccak256(raw);
        return new TxCheck.Valid(new L2Transaction(raw, h, new Address(Bytes.wrap(a)), nonce), BigInteger.valueOf(fee));
    }

    TxPool pool(PoolLimits limits) {
        return new TxPool(limits, this::decode, a -> nonces.getOrDefault(a, 0L));
    }

    static String reason(SubmitResult r) {
        return ((SubmitResult.Rejected) r).reason();
    }

    @Test
    void engineRejectionsDuplicatesAndNonceBounds() {
        TxPool p = pool(PoolLimits.DEFAULT);
        assertEquals("max fee per gas less than block base fee", reason(p.submit(raw(alice, 0, 0, 0))));
        assertInstanceOf(SubmitResult.Accepted.class, p.submit(raw(alice, 0, 10, 0)));
        assertEquals("already known", reason(p.submit(raw(alice, 0, 10, 0))));
        nonces.put(bob, 5L);
        assertEquals("nonce too low", reason(p.submit(raw(bob, 4, 10, 0))));
        assertEquals(true, reason(p.submit(raw(bob, 5 + 64, 10, 0))).startsWith("nonce too high"));
        assertEquals("oversized data", reason(p.submit(Bytes.wrap(new byte[128 * 1024 + 1]))));
    }

    @Test
    void replacementNeedsATenPercentBump() {
        TxPool p = pool(PoolLimits.DEFAULT);
        p.submit(raw(alice, 0, 100, 0));
        assertEquals("replacement transaction underpriced", reason(p.submit(raw(alice, 0, 109, 1))));
        assertInstanceOf(SubmitResult.Accepted.class, p.submit(raw(alice, 0, 110, 2)));
        assertEquals(1, p.size());
        assertEquals(List.of(raw(alice, 0, 110, 2)), p.pending(10).stream().map(L2Transaction::raw).toList());
    }

    @Test
    void pendingKeepsArrivalOrderAcrossSendersAndNonceOrderWithinOne() {
        TxPool p = pool(PoolLimits.DEFAULT);
        p.submit(raw(alice, 1, 10, 0)); // waits for nonce 0
        p.submit(raw(bob, 0, 10, 0));
        p.submit(raw(alice, 0, 10, 0));
        p.submit(raw(alice, 3, 10, 0)); // gap at 2: not executable
        List<Bytes> order = p.pending(10).stream().map(L2Transaction::raw).toList();
        assertEquals(List.of(raw(bob, 0, 10, 0), raw(alice, 0, 10, 0), raw(alice, 1, 10, 0)), order);
    }

    @Test
    void boundsEvictTheCheapestForABetterPayingTransaction() {
        TxPool p = pool(new PoolLimits(3, 2, 64, 1024, 10));
        p.submit(raw(alice, 0, 5, 0));
        p.submit(raw(alice, 1, 50, 0));
        assertEquals(true, reason(p.submit(raw(alice, 2, 50, 0))).startsWith("txpool is full for this sender"));
        p.submit(raw(bob, 0, 20, 0));
        assertEquals("txpool is full", reason(p.submit(raw(Address.fromHex("0x" + "c3".repeat(20)), 0, 10, 0))));
        assertInstanceOf(SubmitResult.Accepted.class, p.submit(raw(Address.fromHex("0x" + "c3".repeat(20)), 0, 60, 0)));
        assertEquals(3, p.size());
    }

    @Test
    void aCommittedBlockPrunesIncludedAndConsumedNonces() {
        TxPool p = pool(PoolLimits.DEFAULT);
        Bytes a0 = raw(alice, 0, 10, 0);
        p.submit(a0);
        p.submit(raw(alice, 1, 10, 0));
        p.submit(raw(bob, 0, 10, 0));
        nonces.put(alice, 2L); // a block consumed alice's nonces 0 and 1 (one of them from elsewhere)
        p.committed(List.of(Keccak.keccak256(a0)));
        assertEquals(1, p.size());
        assertEquals(List.of(raw(bob, 0, 10, 0)), p.all());
    }
}
