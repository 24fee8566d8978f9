package seqpool.api.tss;

import seqpool.api.common.Bytes;

/**
 * Public facts about a threshold key as this node knows them.
 *
 * @param keyId      the key
 * @param generation 1 for the DKG, +1 for every completed reshare or refresh
 * @param committee  the holders of that generation and its threshold
 * @param groupKey   the group public key X, 33 bytes SEC1 compressed; never changes across generations
 * @param status     lifecycle state on this node
 */
public record KeyInfo(KeyId keyId, int generation, Committee committee, Bytes groupKey, KeyStatus status) {
    public KeyInfo {
        if (keyId == null || committee == null || groupKey == null || status == null) {
            throw new IllegalArgumentException("keyId, committee, groupKey and status are required");
        }
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1, got " + generation);
        }
        if (groupKey.size() != 33) {
            throw new IllegalArgumentException("group key is 33 bytes compressed, got " + groupKey.size());
        }
    }
}
