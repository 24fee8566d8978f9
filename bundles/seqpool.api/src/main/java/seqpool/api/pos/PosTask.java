package seqpool.api.pos;

import java.util.Map;

/**
 * A task the pool committed to through consensus, for a module to carry out (TSS keygen or reshare, a pool signature
 * for L1, a report to L1). {@code id} is unique and stable across nodes; {@code attempt} grows when the pool re-opens
 * the task (e.g. with other signers after a timeout); {@code params} are canonical strings the kind defines
 * (docs/pos.md).
 */
public record PosTask(String id, PosTaskKind kind, long epoch, int attempt, Map<String, String> params) {
    public PosTask {
        if (id == null || id.isBlank() || kind == null || attempt < 0) {
            throw new IllegalArgumentException("task id, kind and attempt are required");
        }
        params = Map.copyOf(params);
    }
}
