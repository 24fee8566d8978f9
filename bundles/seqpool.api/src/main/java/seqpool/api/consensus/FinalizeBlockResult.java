package seqpool.api.consensus;

import java.util.List;

import seqpool.api.common.Hash32;

/**
 * The application's answer to {@code finalizeBlock}: its state hash after the block and the validator updates that
 * take effect at height H+1. Must be a deterministic function of the committed blocks.
 */
public record FinalizeBlockResult(Hash32 appHash, List<ValidatorUpdate> validatorUpdates) {
    public FinalizeBlockResult {
        if (appHash == null || validatorUpdates == null) {
            throw new IllegalArgumentException("app hash and validator updates are required");
        }
        validatorUpdates = List.copyOf(validatorUpdates);
    }
}
