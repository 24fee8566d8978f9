package seqpool.api.sequencer;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * An L2 block as the producer signed it. Followers accept it only if {@code producer} holds the committed assignment for
 * {@code number} in {@code epoch}, the signature is the producer's, and execution yields {@code stateRoot}.
 * {@code forcedCursor} (since API bundle 2.1.0; this package stays at 2.0.0, its one bump since the release that had
 * 1.0.0) is the number of forced-inclusion messages the chain has consumed up to and including this block: the
 * messages from the parent's cursor up to this one's are this block's forced section, at the start of its
 * transactions (those not executable at their turn are consumed without effect). It is part of the signed header.
 */
public record L2Block(long number, Hash32 hash, Hash32 parentHash, long epoch, Address producer, long timestampMillis,
        List<Bytes> transactions, Hash32 stateRoot, EcdsaSignature producerSignature, long forcedCursor) {
    public L2Block {
        if (number < 0 || epoch < 0 || hash == null || parentHash == null || producer == null || stateRoot == null
                || forcedCursor < 0) {
            throw new IllegalArgumentException("invalid L2 block " + number);
        }
        transactions = List.copyOf(transactions);
    }

    /** A block that consumed no forced-inclusion message ({@code forcedCursor} 0), as before forced inclusion. */
    public L2Block(long number, Hash32 hash, Hash32 parentHash, long epoch, Address producer, long timestampMillis,
            List<Bytes> transactions, Hash32 stateRoot, EcdsaSignature producerSignature) {
        this(number, hash, parentHash, epoch, producer, timestampMillis, transactions, stateRoot, producerSignature, 0);
    }
}
