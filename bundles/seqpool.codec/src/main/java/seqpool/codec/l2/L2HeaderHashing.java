package seqpool.codec.l2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * The hash of an L2 block header, which is also the digest its producer signs:
 * {@code keccak256("seqpool.L2Header.v1" ‖ chainId ‖ number ‖ parentHash ‖ epoch ‖ producer ‖ timestampMillis ‖
 * txRoot ‖ stateRoot)} with every integer as 8 big-endian bytes (fixed widths make the encoding canonical). The tag
 * and the L2 chain id keep a header signature from being valid anywhere else. {@code txRoot} commits to the ordered
 * transactions: {@code keccak256(count ‖ (length ‖ bytes)*)}.
 *
 * <p>A header whose chain has consumed forced-inclusion messages ({@code forcedCursor > 0}) hashes as
 * {@code keccak256("seqpool.L2Header.v2" ‖ …the same fields… ‖ forcedCursor)}; with {@code forcedCursor = 0} the
 * hash is the v1 hash above, byte for byte, so every header made before forced inclusion keeps its hash and
 * signature. The two tags keep the two forms apart. Stateless.
 */
public final class L2HeaderHashing {
    private static final byte[] TAG = "seqpool.L2Header.v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAG_V2 = "seqpool.L2Header.v2".getBytes(StandardCharsets.US_ASCII);

    private L2HeaderHashing() {
    }

    public static Hash32 hash(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, Hash32 txRoot, Hash32 stateRoot) {
        return hash(chainId, number, parentHash, epoch, producer, timestampMillis, txRoot, stateRoot, 0);
    }

    /** The header hash with the block's forced-inclusion cursor (v1 when it is 0, v2 otherwise). */
    public static Hash32 hash(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, Hash32 txRoot, Hash32 stateRoot, long forcedCursor) {
        if (forcedCursor < 0) {
            throw new IllegalArgumentException("forcedCursor must be >= 0, got " + forcedCursor);
        }
        byte[] tag = forcedCursor == 0 ? TAG : TAG_V2;
        ByteBuffer b = ByteBuffer.allocate(tag.length + 8 + 8 + 32 + 8 + 20 + 8 + 32 + 32 + (forcedCursor == 0 ? 0 : 8));
        b.put(tag).putLong(chainId).putLong(number).put(parentHash.value().toArray()).putLong(epoch)
                .put(producer.value().toArray()).putLong(timestampMillis).put(txRoot.value().toArray())
                .put(stateRoot.value().toArray());
        if (forcedCursor != 0) {
            b.putLong(forcedCursor);
        }
        return Keccak.keccak256(Bytes.wrap(b.array()));
    }

    public static Hash32 txRoot(List<Bytes> transactions) {
        int size = 4;
        for (Bytes t : transactions) {
            size += 4 + t.size();
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(transactions.size());
        for (Bytes t : transactions) {
            b.putInt(t.size()).put(t.toArray());
        }
        return Keccak.keccak256(Bytes.wrap(b.array()));
    }
}
