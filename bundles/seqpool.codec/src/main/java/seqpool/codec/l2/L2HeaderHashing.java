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
 * transactions: {@code keccak256(count ‖ (length ‖ bytes)*)}. Stateless.
 */
public final class L2HeaderHashing {
    private static final byte[] TAG = "seqpool.L2Header.v1".getBytes(StandardCharsets.US_ASCII);

    private L2HeaderHashing() {
    }

    public static Hash32 hash(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, Hash32 txRoot, Hash32 stateRoot) {
        ByteBuffer b = ByteBuffer.allocate(TAG.length + 8 + 8 + 32 + 8 + 20 + 8 + 32 + 32);
        b.put(TAG).putLong(chainId).putLong(number).put(parentHash.value().toArray()).putLong(epoch)
                .put(producer.value().toArray()).putLong(timestampMillis).put(txRoot.value().toArray())
                .put(stateRoot.value().toArray());
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
