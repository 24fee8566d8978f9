package seqpool.node.swap;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ModuleSwapper#swap} did.
 *
 * @param module      the bundle symbolic name
 * @param oldVersion  the version that was running before (empty if none was found)
 * @param newVersion  the version offered (empty if the file could not be read)
 * @param outcome     SWAPPED (new runs, old uninstalled), ROLLED_BACK (new failed its health check and was removed;
 *                    or the old one could not be uninstalled; the old one runs), REJECTED (nothing was installed),
 *                    FAILED (the old version could not be uninstalled and the rollback failed too: see the reason)
 * @param reason      why it was rolled back or rejected; empty when swapped
 * @param services    the service interfaces the new version had to register (those the old one registered)
 * @param switchTime  from installing the new bundle to the old one being uninstalled (or to the rollback)
 */
public record SwapReport(String module, String oldVersion, String newVersion, Outcome outcome, String reason,
        List<String> services, Duration switchTime) {
    public enum Outcome { SWAPPED, ROLLED_BACK, REJECTED, FAILED }

    public SwapReport {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(oldVersion, "oldVersion");
        Objects.requireNonNull(newVersion, "newVersion");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        services = List.copyOf(services);
        Objects.requireNonNull(switchTime, "switchTime");
    }

    public boolean swapped() {
        return outcome == Outcome.SWAPPED;
    }

    @Override
    public String toString() {
        String base = module + " " + oldVersion + " -> " + newVersion + ": " + outcome + " in " + switchTime.toMillis()
                + " ms";
        return reason.isEmpty() ? base : base + " (" + reason + ")";
    }
}
