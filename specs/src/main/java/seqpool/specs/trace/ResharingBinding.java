package seqpool.specs.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resharing traces (seqpool.tss): members are every name in the trace; generations go up to the largest one
 * mentioned; group keys are checked by the spec's abstraction (the hex value itself is not interpreted); a reshare
 * may abort on a timeout without a crash (a member may be slow, not dead), and at most one untraced crash happens.
 */
public final class ResharingBinding implements TraceBinding {
    private final Set<String> byzantine;

    /** @param byzantine members the run made Byzantine (they may deal bad shares and be accused) */
    public ResharingBinding(Set<String> byzantine) {
        this.byzantine = new TreeSet<>(Objects.requireNonNull(byzantine, "byzantine"));
    }

    @Override
    public String spec() {
        return "Resharing";
    }

    @Override
    public List<String> events() {
        return List.of("DkgStarted", "DkgDealt", "DkgComplaint", "DkgCompleted", "ReshareStarted", "ReshareDealt",
                "ReshareAcked", "ReshareCompleted", "ReshareAborted", "GenerationErased", "Signed");
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        Set<String> members = TraceFacts.names(part, List.of("members", "dealer", "accuser", "accused", "dealers",
                "newMembers", "member", "signers"), true);
        members.addAll(byzantine);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TMembers", TraceToTla.stringSet(members));
        d.put("TByz", TraceToTla.stringSet(byzantine));
        d.put("TMaxGen", Long.toString(TraceFacts.max(part, List.of("generation", "fromGeneration",
                "toGeneration"), 1)));
        return d;
    }

    @Override
    public String constants() {
        return """
                  Members <- TMembers
                  Byz <- TByz
                  Unerasing = {}
                  Committees = {}
                  MaxGen <- TMaxGen
                  MaxCrash = 1
                  SpuriousTimeouts = TRUE
                  Policy = "reshare"
                  Mutant = "none"
                """;
    }
}
