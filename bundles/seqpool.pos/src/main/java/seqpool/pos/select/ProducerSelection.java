package seqpool.pos.select;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * Stake-weighted choice of a producer: {@code r = keccak256("seqpool.producer" ‖ seed ‖ epoch ‖ revision) mod total}
 * over the candidates in ascending address order, each owning a slice of [0, total) as large as its stake. The seed is
 * a committed block id that nobody knows before that block is decided, so the choice cannot be predicted earlier;
 * anyone recomputes it from the committed state.
 */
public final class ProducerSelection {
    private static final byte[] TAG = "seqpool.producer".getBytes(StandardCharsets.US_ASCII);

    private ProducerSelection() {
    }

    /** @param stakes candidates and their stake (all positive); must not be empty */
    public static Address choose(Hash32 seed, long epoch, int revision, Map<Address, BigInteger> stakes) {
        List<Address> sorted = stakes.keySet().stream().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no candidate producer");
        }
        BigInteger total = BigInteger.ZERO;
        for (Address a : sorted) {
            total = total.add(stakes.get(a));
        }
        ByteBuffer b = ByteBuffer.allocate(TAG.length + 32 + 8 + 4);
        b.put(TAG).put(seed.value().toArray()).putLong(epoch).putInt(revision);
        BigInteger r = new BigInteger(1, Keccak.keccak256(Bytes.wrap(b.array())).value().toArray()).mod(total);
        for (Address a : sorted) {
            r = r.subtract(stakes.get(a));
            if (r.signum() < 0) {
                return a;
            }
        }
        throw new IllegalStateException("unreachable: r < total");
    }
}
