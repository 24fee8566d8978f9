package seqpool.api.pos;

import java.util.Map;

/**
 * A task the pool committed to through consensus, for a module to carry out (TSS reshare, batch signature, ...).
 * {@code id} is unique and stable across nodes; {@code params} are canonical strings the kind defines.
 */
public record PosTask(String id, PosTaskKind kind, long epoch, Map<String, String> params) {
    public PosTask {
        if (id == null || id.isBlank() || kind == null) {
            throw new IllegalArgumentException("task id and kind are required");
        }
        params = Map.copyOf(params);
    }
}
