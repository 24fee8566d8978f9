package seqpool.pos.tx;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.Secp256k1;
import seqpool.codec.l2.L2HeaderHashing;

/**
 * An L2 block header with its producer's signature (the transactions are represented by their root) and the chain's
 * forced-inclusion cursor after the block.
 */
public record L2Header(long number, Hash32 parentHash, long epoch, Address producer, long timestampMillis, Hash32 txRoot,
        Hash32 stateRoot, EcdsaSignature signature, long forcedCursor) {
    public L2Header {
        if (number < 0 || epoch < 0 || timestampMillis < 0 || parentHash == null || producer == null || txRoot == null
                || stateRoot == null || signature == null || forcedCursor < 0) {
            throw new IllegalArgumentException("invalid L2 header " + number);
        }
    }

    /** A header of a chain that has consumed no forced-inclusion message. */
    public L2Header(long number, Hash32 parentHash, long epoch, Address producer, long timestampMillis, Hash32 txRoot,
            Hash32 stateRoot, EcdsaSignature signature) {
        this(number, parentHash, epoch, producer, timestampMillis, txRoot, stateRoot, signature, 0);
    }

    public static L2Header of(L2Block b) {
        return new L2Header(b.number(), b.parentHash(), b.epoch(), b.producer(), b.timestampMillis(),
                L2HeaderHashing.txRoot(b.transactions()), b.stateRoot(), b.producerSignature(), b.forcedCursor());
    }

    public Hash32 hash(long l2ChainId) {
        return L2HeaderHashing.hash(l2ChainId, number, parentHash, epoch, producer, timestampMillis, txRoot, stateRoot,
                forcedCursor);
    }

    /** Whether {@code producer} signed this header for the given L2 chain. */
    public boolean signedByProducer(long l2ChainId) {
        return Secp256k1.verify(hash(l2ChainId), signature, producer);
    }
}
