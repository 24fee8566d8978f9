/**
 * OSGi edge of the bridge bundle: {@link seqpool.bridge.host.BridgeComponent} (the configured DS component that
 * registers {@link seqpool.api.bridge.Bridge}), {@link seqpool.bridge.host.BridgeService} (the parts wired together,
 * usable without OSGi) and {@link seqpool.bridge.host.BridgeLoop} (the {@code seqpool-bridge} thread).
 */
package seqpool.bridge.host;
