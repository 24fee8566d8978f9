package seqpool.api.sequencer;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;

/**
 * An L2 block as the producer signed it. Followers accept it only if {@code producer} holds the committed assignment for
 * {@code number} in {@code epoch}, the signature is the producer's, and execution yields {@code stateRoot}.
 */
public record L2Block(long number, Hash32 hash, Hash32 parentHash, long epoch, Address producer, long timestampMillis,
        List<Bytes> transactions, Hash32 stateRoot, EcdsaSignature producerSignature) {
    public L2Block {
        if (number < 0 || epoch < 0 || hash == null || parentHash == null || producer == null || stateRoot == null) {
            throw new IllegalArgumentException("invalid L2 block " + number);
        }
        transactions = List.copyOf(transactions);
    }
}
