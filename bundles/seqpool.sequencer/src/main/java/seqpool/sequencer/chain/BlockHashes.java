package seqpool.sequencer.chain;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.l2.L2HeaderHashing;

/**
 * The header hash of a block: {@link L2HeaderHashing#hash} over its fields and its forced-inclusion cursor, the
 * digest its producer signs.
 */
public final class BlockHashes {
    private BlockHashes() {
    }

    public static Hash32 headerHash(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, List<Bytes> transactions, Hash32 stateRoot) {
        return headerHash(chainId, number, parentHash, epoch, producer, timestampMillis, transactions, stateRoot, 0);
    }

    public static Hash32 headerHash(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, List<Bytes> transactions, Hash32 stateRoot, long forcedCursor) {
        return L2HeaderHashing.hash(chainId, number, parentHash, epoch, producer, timestampMillis,
                L2HeaderHashing.txRoot(transactions), stateRoot, forcedCursor);
    }

    /** What the hash of {@code block} must be, recomputed from its fields (its {@code hash} field is not used). */
    public static Hash32 recompute(long chainId, L2Block block) {
        return headerHash(chainId, block.number(), block.parentHash(), block.epoch(), block.producer(),
                block.timestampMillis(), block.transactions(), block.stateRoot(), block.forcedCursor());
    }
}
