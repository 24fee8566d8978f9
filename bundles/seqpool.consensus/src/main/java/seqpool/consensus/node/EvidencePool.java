package seqpool.consensus.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.Vote;

/**
 * Verified equivocation evidence waiting to be committed, keyed by (offender, height, round, kind) so that one
 * offence is committed once. Not thread-safe.
 */
final class EvidencePool {
    private final Map<String, DuplicateVoteEvidence> pending = new LinkedHashMap<>();
    private final Set<String> committed = new HashSet<>();

    static String key(DuplicateVoteEvidence e) {
        Vote v = e.first().vote();
        return v.voter() + "/" + v.height() + "/" + v.round() + "/" + v.kind();
    }

    /** True if the evidence is new (neither pending nor committed). */
    boolean add(DuplicateVoteEvidence e) {
        String k = key(e);
        if (committed.contains(k) || pending.containsKey(k)) {
            return false;
        }
        pending.put(k, e);
        return true;
    }

    boolean isCommitted(DuplicateVoteEvidence e) {
        return committed.contains(key(e));
    }

    List<DuplicateVoteEvidence> take(int max) {
        List<DuplicateVoteEvidence> out = new ArrayList<>();
        for (DuplicateVoteEvidence e : pending.values()) {
            if (out.size() >= max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    void markCommitted(List<DuplicateVoteEvidence> es) {
        for (DuplicateVoteEvidence e : es) {
            String k = key(e);
            committed.add(k);
            pending.remove(k);
        }
    }

    List<DuplicateVoteEvidence> pending() {
        return List.copyOf(pending.values());
    }
}
