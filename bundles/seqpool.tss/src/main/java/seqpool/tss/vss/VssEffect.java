package seqpool.tss.vss;

import java.util.Map;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.tss.TssException;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;

/** What a {@link VssSession} asks its host to do. The host switches exhaustively over these. */
public sealed interface VssEffect {
    /** Send to every other party of the session. */
    record Broadcast(VssMessage message) implements VssEffect {
    }

    /** Record a protocol event (names and fields as in specs/Resharing.tla). */
    record Trace(String event, Map<String, Object> fields) implements VssEffect {
    }

    /**
     * The session completed: every receiver confirmed the same group key and public shares. {@code share} is this
     * node's new share (null if it only dealt). {@code culprits} are parties proven to have misbehaved but excluded
     * without stopping the run (disqualified DKG dealers, false accusers). {@code erasableGeneration} is the old
     * generation this node must now erase (every new member has acknowledged), or 0.
     */
    record Completed(KeyShare share, PublicKeyPackage publicKeys, int generation, Set<Address> culprits,
            int erasableGeneration)
            implements VssEffect {
    }

    /** The session failed; nothing of it may be used. A failed reshare leaves the old generation intact. */
    record Aborted(TssException.Kind kind, String reason, Set<Address> culprits) implements VssEffect {
    }
}
