package seqpool.bridge.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import seqpool.bridge.follow.FollowPlan;
import seqpool.bridge.l1.Backoff;
import seqpool.bridge.l1.FollowedContracts;
import seqpool.contracts.deploy.DeployedContracts;

/**
 * The checked configuration: {@link BridgeConfig} with the addresses file read and {@code startBlock} resolved.
 * A bad value is an {@link IllegalArgumentException} naming the key.
 */
public record BridgeSettings(String rpcUrl, DeployedContracts contracts, int confirmations, long pollMs,
        long startBlock, int maxBlockRange, Backoff backoff) {
    public static final long MIN_POLL_MS = 10;
    public static final long MAX_POLL_MS = 600_000;

    public BridgeSettings {
        Objects.requireNonNull(contracts, "contracts");
        Objects.requireNonNull(backoff, "backoff");
        String scheme = rpcUrl == null ? "" : rpcUrl.strip().toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
            throw new IllegalArgumentException("seqpool.bridge rpcUrl must be an http(s) URL, got '"
                    + (rpcUrl == null ? "" : seqpool.bridge.l1.RpcUrls.redact(rpcUrl)) + "'");
        }
        rpcUrl = rpcUrl.strip();
        if (pollMs < MIN_POLL_MS || pollMs > MAX_POLL_MS) {
            throw new IllegalArgumentException("seqpool.bridge pollMs must be " + MIN_POLL_MS + ".." + MAX_POLL_MS
                    + ", got " + pollMs);
        }
        if (startBlock < 0) {
            throw new IllegalArgumentException("seqpool.bridge startBlock must be >= -1, got " + startBlock);
        }
        if (confirmations < 1 || confirmations > FollowPlan.MAX_CONFIRMATIONS) {
            throw new IllegalArgumentException("seqpool.bridge confirmations must be 1.." + FollowPlan.MAX_CONFIRMATIONS
                    + ", got " + confirmations);
        }
        if (maxBlockRange < 1 || maxBlockRange > FollowPlan.MAX_BLOCK_RANGE) {
            throw new IllegalArgumentException("seqpool.bridge maxBlockRange must be 1.." + FollowPlan.MAX_BLOCK_RANGE
                    + ", got " + maxBlockRange);
        }
    }

    /** Reads the addresses file and checks every key. */
    public static BridgeSettings from(BridgeConfig c) throws IOException {
        if (c.contractsFile() == null || c.contractsFile().isBlank()) {
            throw new IllegalArgumentException("seqpool.bridge contractsFile is required");
        }
        if (c.startBlock() < -1) {
            throw new IllegalArgumentException("seqpool.bridge startBlock must be >= -1, got " + c.startBlock());
        }
        Backoff backoff;
        try {
            backoff = new Backoff(c.backoffMinMs(), c.backoffMaxMs());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seqpool.bridge " + e.getMessage(), e);
        }
        DeployedContracts contracts = DeployedContracts.readFrom(Path.of(c.contractsFile()));
        long start = c.startBlock() == -1 ? contracts.deployBlock() : c.startBlock();
        return new BridgeSettings(c.rpcUrl(), contracts, c.confirmations(), c.pollMs(), start, c.maxBlockRange(),
                backoff);
    }

    public FollowPlan plan(FollowedContracts followed) {
        return new FollowPlan(contracts.chainId(), followed.addresses(), followed, startBlock, confirmations,
                maxBlockRange);
    }
}
