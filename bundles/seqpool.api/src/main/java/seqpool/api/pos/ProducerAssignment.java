package seqpool.api.pos;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * Who may produce the L2 blocks {@code firstL2Block..lastL2Block} (inclusive) in an epoch. {@code revision} is 0 for the
 * epoch's first assignment and grows with each rotation inside the epoch; {@code seed} is the committed hash the
 * stake-weighted choice was drawn from.
 */
public record ProducerAssignment(long epoch, int revision, long firstL2Block, long lastL2Block, Address producer,
        Hash32 seed) {
    public ProducerAssignment {
        if (epoch < 0 || revision < 0 || firstL2Block < 0 || lastL2Block < firstL2Block || producer == null
                || seed == null) {
            throw new IllegalArgumentException("invalid assignment: epoch " + epoch + " blocks " + firstL2Block + ".."
                    + lastL2Block);
        }
    }

    public boolean covers(long l2Block) {
        return l2Block >= firstL2Block && l2Block <= lastL2Block;
    }
}
