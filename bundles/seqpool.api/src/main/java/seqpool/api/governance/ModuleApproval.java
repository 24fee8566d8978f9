package seqpool.api.governance;

import seqpool.api.common.Hash32;

/** A module version approved on L1 ModuleRegistry: bundle, version, artifact SHA-256 and activation epoch. */
public record ModuleApproval(String bundleSymbolicName, String version, Hash32 sha256, long activationEpoch,
        boolean revoked) {
    public ModuleApproval {
        if (bundleSymbolicName == null || bundleSymbolicName.isBlank() || version == null || sha256 == null
                || activationEpoch < 0) {
            throw new IllegalArgumentException("invalid module approval for " + bundleSymbolicName);
        }
    }
}
