package seqpool.api.consensus;

import seqpool.api.identity.EcdsaSignature;

/** A vote with its voter's secp256k1 signature over the EIP-712 digest of the vote. Immutable. */
public record SignedVote(Vote vote, EcdsaSignature signature) {
    public SignedVote {
        if (vote == null || signature == null) {
            throw new IllegalArgumentException("vote and signature are required");
        }
    }
}
