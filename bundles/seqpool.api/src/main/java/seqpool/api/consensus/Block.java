package seqpool.api.consensus;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A consensus block: the height, the id of the previous block ({@link Hash32#ZERO} at height 1), the proposer, the
 * ordered opaque transactions and the evidence of misbehaviour it commits. Its id is the Keccak-256 of its canonical
 * encoding (computed by the engine's codec). Immutable.
 */
public record Block(long height, Hash32 previous, Address proposer, List<Bytes> txs, List<DuplicateVoteEvidence> evidence) {
    public Block {
        if (height < 1 || previous == null || proposer == null || txs == null || evidence == null) {
            throw new IllegalArgumentException("block needs height >= 1, previous, proposer, txs and evidence");
        }
        txs = List.copyOf(txs);
        evidence = List.copyOf(evidence);
    }
}
