package seqpool.contracts.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses of one deployment, as written to the addresses file ({@code contracts.yaml}): flat {@code key: value}
 * lines (valid YAML), addresses as 0x-prefixed lower-case hex. Validated on construction.
 * {@code forcedInclusionQueue} is empty in files written before the queue existed: such a file is still read, and a
 * pool started from it runs without forced inclusion (docs/contracts.md).
 */
public record DeployedContracts(long chainId, long deployBlock, String stakeToken, String poolKeyRegistry,
        String lockingPool, String sequencerSet, String batchInbox, String moduleRegistry, String timelock,
        Optional<String> forcedInclusionQueue) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public DeployedContracts {
        if (chainId <= 0 || deployBlock < 0) {
            throw new IllegalArgumentException("chainId must be positive and deployBlock non-negative");
        }
        stakeToken = check("stakeToken", stakeToken);
        poolKeyRegistry = check("poolKeyRegistry", poolKeyRegistry);
        lockingPool = check("lockingPool", lockingPool);
        sequencerSet = check("sequencerSet", sequencerSet);
        batchInbox = check("batchInbox", batchInbox);
        moduleRegistry = check("moduleRegistry", moduleRegistry);
        timelock = check("timelock", timelock);
        Objects.requireNonNull(forcedInclusionQueue, "forcedInclusionQueue (may be empty)");
        forcedInclusionQueue = forcedInclusionQueue.map(a -> check("forcedInclusionQueue", a));
    }

    /** A deployment without a forced-inclusion queue (contracts deployed before it existed). */
    public DeployedContracts(long chainId, long deployBlock, String stakeToken, String poolKeyRegistry,
            String lockingPool, String sequencerSet, String batchInbox, String moduleRegistry, String timelock) {
        this(chainId, deployBlock, stakeToken, poolKeyRegistry, lockingPool, sequencerSet, batchInbox, moduleRegistry,
                timelock, Optional.empty());
    }

    private static String check(String name, String address) {
        Objects.requireNonNull(address, name);
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException(name + " is not a 20-byte 0x address: " + address);
        }
        return address.toLowerCase(java.util.Locale.ROOT);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("chainId", Long.toString(chainId));
        m.put("deployBlock", Long.toString(deployBlock));
        m.put("stakeToken", stakeToken);
        m.put("poolKeyRegistry", poolKeyRegistry);
        m.put("lockingPool", lockingPool);
        m.put("sequencerSet", sequencerSet);
        m.put("batchInbox", batchInbox);
        m.put("moduleRegistry", moduleRegistry);
        m.put("timelock", timelock);
        forcedInclusionQueue.ifPresent(a -> m.put("forcedInclusionQueue", a));
        return m;
    }

    public void writeTo(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# seqpool L1 contract addresses (written by `seqpool contracts deploy`)\n");
        toMap().forEach((k, v) -> sb.append(k).append(": \"").append(v).append("\"\n"));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a file written by {@link #writeTo}; a missing or malformed key is an error naming the key and file. The
     * only optional key is {@code forcedInclusionQueue}.
     */
    public static DeployedContracts readFrom(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw new IOException(file + ": not a 'key: value' line: " + line);
            }
            String value = t.substring(colon + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            m.put(t.substring(0, colon).strip(), value);
        }
        try {
            return new DeployedContracts(Long.parseLong(req(m, "chainId", file)), Long.parseLong(req(m, "deployBlock", file)),
                    req(m, "stakeToken", file), req(m, "poolKeyRegistry", file), req(m, "lockingPool", file),
                    req(m, "sequencerSet", file), req(m, "batchInbox", file), req(m, "moduleRegistry", file),
                    req(m, "timelock", file), Optional.ofNullable(m.get("forcedInclusionQueue")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String req(Map<String, String> m, String key, Path file) throws IOException {
        String v = m.get(key);
        if (v == null) {
            throw new IOException(file + ": missing key '" + key + "'");
        }
        return v;
    }
}
