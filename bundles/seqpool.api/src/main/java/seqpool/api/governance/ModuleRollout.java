package seqpool.api.governance;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Module rollout on this node. Approved versions are fetched, hash-checked and installed beside the running version,
 * then switched at the activation epoch (blue-green); a version failing its health check is rolled back and reported.
 * Thread-safe.
 */
@ProviderType
public interface ModuleRollout {
    List<ModuleApproval> approvals();

    List<ActiveModule> activeModules();

    /**
     * The operator's emergency override: swaps {@code bundleSymbolicName} to the artifact now. Logged and reported as
     * off-protocol. Throws {@link RolloutException} if the artifact is not that bundle or fails its health check (the
     * previous version then keeps running).
     */
    ActiveModule overrideLocally(String bundleSymbolicName, Path artifact) throws RolloutException;
}
