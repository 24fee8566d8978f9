package seqpool.sequencer.chain;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.sequencer.L2Block;

/**
 * A block the producer has built but not signed yet; {@code hash} is the header hash, the digest to sign. The core
 * never signs: the host signs {@link #hash()} and turns the result into an {@link L2Block} with {@link #signed}.
 */
public record UnsignedBlock(long number, Hash32 parentHash, long epoch, Address producer, long timestampMillis,
        List<Bytes> transactions, Hash32 stateRoot, long forcedCursor, Hash32 hash) {
    public UnsignedBlock {
        transactions = List.copyOf(transactions);
    }

    /** A block of a chain that has consumed no forced message. */
    public static UnsignedBlock build(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, List<Bytes> transactions, Hash32 stateRoot) {
        return build(chainId, number, parentHash, epoch, producer, timestampMillis, transactions, stateRoot, 0);
    }

    public static UnsignedBlock build(long chainId, long number, Hash32 parentHash, long epoch, Address producer,
            long timestampMillis, List<Bytes> transactions, Hash32 stateRoot, long forcedCursor) {
        return new UnsignedBlock(number, parentHash, epoch, producer, timestampMillis, transactions, stateRoot,
                forcedCursor, BlockHashes.headerHash(chainId, number, parentHash, epoch, producer, timestampMillis,
                        transactions, stateRoot, forcedCursor));
    }

    public L2Block signed(EcdsaSignature signature) {
        return new L2Block(number, hash, parentHash, epoch, producer, timestampMillis, transactions, stateRoot,
                signature, forcedCursor);
    }
}
