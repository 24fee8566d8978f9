package seqpool.api.consensus;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * What the engine hands the application when this node proposes at {@code height}: the mempool's candidate
 * transactions (already accepted by checkTx, in mempool order) and the block limits.
 */
public record PrepareProposalRequest(long height, Address proposer, List<Bytes> candidates, int maxTxs, long maxBytes) {
    public PrepareProposalRequest {
        if (height < 1 || proposer == null || candidates == null || maxTxs < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("invalid prepareProposal request at height " + height);
        }
        candidates = List.copyOf(candidates);
    }
}
