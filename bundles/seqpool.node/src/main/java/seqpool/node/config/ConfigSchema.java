package seqpool.node.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key of the operator configuration file, with its type, default and range. docs/configuration.md documents
 * exactly these keys (a test compares the two). Each section maps to the ConfigAdmin PID {@code seqpool.<section>}.
 *
 * <p>Adding a module's keys: add lines here and rows to docs/configuration.md.
 */
public final class ConfigSchema {
    /** The PID prefix: section {@code p2p} becomes PID {@code seqpool.p2p}. */
    public static final String PID_PREFIX = "seqpool.";

    private static final List<ConfigKey> KEYS = List.of(
            str("node", "name", "node-1", "Name of this node in logs and in the admin API."),
            path("node", "dataDir", "data", "Directory for all node state (store, admin token). Relative paths are "
                    + "resolved against the config file's directory."),
            path("node", "keyFile", "", "Encrypted signer keystore (web3j/Ethereum keystore JSON). Empty: "
                    + "`<dataDir>/node-key.json`."),
            path("node", "passphraseFile", "", "File holding the keystore passphrase. Empty: the passphrase is read "
                    + "from the environment variable `SEQPOOL_KEY_PASSPHRASE`."),
            integer("node", "shutdownTimeoutMs", 10_000, 1_000, 600_000, "How long a graceful stop may take before the "
                    + "process exits anyway."),

            path("store", "path", "", "LMDB environment directory (created if missing; locked while open). Empty: "
                    + "`<dataDir>/store`."),
            longKey("store", "mapSizeMb", 1024, 16, 1_048_576, "Most the LMDB data file may grow to, in MiB; a commit "
                    + "beyond it fails and nothing of it is applied."),
            integer("store", "maxDatabases", 64, 1, 4096, "Most named databases the store holds."),

            str("p2p", "listenHost", "0.0.0.0", "Interface the p2p TLS listener binds to."),
            integer("p2p", "listenPort", 7400, 0, 65535, "TCP port of the p2p listener (0: any free port)."),
            list("p2p", "peers", List.of(), "Configured peers, each `address@host:port` (the peer's 0x-prefixed "
                    + "20-byte signer address; IPv6 hosts in brackets). Only these peers are accepted."),
            list("p2p", "protocols", List.of("consensus/1", "mpc/1", "l2/1"), "Channel protocol versions spoken, "
                    + "each `channel/version`."),
            integer("p2p", "maxFrameBytes", 4 * 1024 * 1024, 1024, Integer.MAX_VALUE - 4, "Largest accepted frame "
                    + "(channel id + payload), in bytes; a peer sending a bigger one is disconnected."),
            integer("p2p", "sendQueueMessages", 4096, 1, Integer.MAX_VALUE, "Per-peer send queue bound, in "
                    + "messages."),
            integer("p2p", "sendQueueBytes", 16 * 1024 * 1024, 1028, Integer.MAX_VALUE, "Per-peer send queue bound, "
                    + "in bytes; must hold one largest frame (at least maxFrameBytes + 4)."),
            longKey("p2p", "backoffMinMs", 200, 1, 86_400_000, "Reconnect back-off, first delay in ms."),
            longKey("p2p", "backoffMaxMs", 30_000, 1, 86_400_000, "Reconnect back-off, largest delay in ms "
                    + "(at least backoffMinMs)."),
            longKey("p2p", "banSeconds", 600, 0, 31_536_000, "How long a peer whose score reached 0 stays banned, "
                    + "in seconds."),
            longKey("p2p", "scoreRecoverySeconds", 60, 1, 86_400, "A penalized score recovers one point per this "
                    + "many seconds."),
            longKey("p2p", "handshakeTimeoutMs", 10_000, 100, 600_000, "TLS handshake and hello timeout in ms."),
            integer("p2p", "maxPendingHandshakes", 256, 1, 65_536, "Inbound connections allowed in their TLS "
                    + "handshake at once."),
            integer("p2p", "ioThreads", 2, 1, 256, "netty I/O threads."),

            str("staking", "rpcUrl", "http://127.0.0.1:8545", "L1 JSON-RPC URL (http or https) the staking view "
                    + "reads the LockingPool from."),
            path("staking", "contractsFile", "contracts.yaml", "Addresses file written by `seqpool contracts "
                    + "deploy`."),
            integer("staking", "confirmations", 6, 0, 10_000, "L1 confirmations before a block is read."),
            longKey("staking", "pollMs", 200, 10, 600_000, "web3j polling interval in ms."),

            str("l1", "rpcUrl", "http://127.0.0.1:8545", "JSON-RPC endpoint of the L1 (Ethereum) node: http(s) or "
                    + "ws(s) URL."),
            longKey("l1", "chainId", 31337, 1, Long.MAX_VALUE, "L1 chain id (EIP-155; also the EIP-712 domain's)."),
            integer("l1", "pollIntervalMs", 200, 50, 60_000, "web3j polling interval for receipts and events."),

            enumKey("logging", "level", "info", List.of("trace", "debug", "info", "warn", "error"),
                    "Lowest level written to the log."),
            enumKey("logging", "format", "json", List.of("json", "text"),
                    "`json`: one JSON object per line (ts, level, logger, msg, fields); `text`: one plain line."),

            bool("admin", "enabled", true, "Serve the admin API (modules, hot swap, health)."),
            str("admin", "host", "127.0.0.1", "Address of the admin API; must be a loopback address."),
            integer("admin", "port", 30401, 0, 65535, "TCP port of the admin API (0: any free port, written to "
                    + "`<dataDir>/admin.url`)."),
            path("admin", "tokenFile", "", "Where the node writes the bearer token that mutating admin calls need. "
                    + "Empty: `<dataDir>/admin.token`."));

    private static final Set<String> OPTIONAL_SECTIONS = Set.of("staking");

    private static final Map<String, Map<String, ConfigKey>> BY_SECTION;

    static {
        Map<String, Map<String, ConfigKey>> m = new LinkedHashMap<>();
        for (ConfigKey k : KEYS) {
            if (m.computeIfAbsent(k.section(), s -> new LinkedHashMap<>()).put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate key " + k.path());
            }
        }
        m.replaceAll((s, keys) -> Collections.unmodifiableMap(keys));
        BY_SECTION = Collections.unmodifiableMap(m);
    }

    private ConfigSchema() {
    }

    public static List<ConfigKey> keys() {
        return KEYS;
    }

    /** Sections in file order. */
    public static List<String> sections() {
        return new ArrayList<>(BY_SECTION.keySet());
    }

    public static Optional<ConfigKey> key(String section, String name) {
        return Optional.ofNullable(BY_SECTION.getOrDefault(section, Map.of()).get(name));
    }

    public static Map<String, ConfigKey> section(String section) {
        return BY_SECTION.getOrDefault(section, Map.of());
    }

    /**
     * Whether the section is published to ConfigAdmin only when the file has it: {@code staking} needs a running L1
     * and a deployed contracts file, so a node without that section runs without a staking view.
     */
    public static boolean optionalSection(String section) {
        return OPTIONAL_SECTIONS.contains(section);
    }

    public static String pid(String section) {
        return PID_PREFIX + section;
    }

    private static ConfigKey str(String s, String n, String d, String doc) {
        return new ConfigKey(s, n, ValueType.STRING, d, 0, 0, List.of(), doc);
    }

    private static ConfigKey path(String s, String n, String d, String doc) {
        return new ConfigKey(s, n, ValueType.PATH, d, 0, 0, List.of(), doc);
    }

    private static ConfigKey integer(String s, String n, int d, int min, int max, String doc) {
        return new ConfigKey(s, n, ValueType.INT, d, min, max, List.of(), doc);
    }

    private static ConfigKey longKey(String s, String n, long d, long min, long max, String doc) {
        return new ConfigKey(s, n, ValueType.LONG, d, min, max, List.of(), doc);
    }

    private static ConfigKey bool(String s, String n, boolean d, String doc) {
        return new ConfigKey(s, n, ValueType.BOOL, d, 0, 0, List.of(), doc);
    }

    private static ConfigKey enumKey(String s, String n, String d, List<String> words, String doc) {
        return new ConfigKey(s, n, ValueType.ENUM, d, 0, 0, words, doc);
    }

    private static ConfigKey list(String s, String n, List<String> d, String doc) {
        return new ConfigKey(s, n, ValueType.STRING_LIST, d, 0, 0, List.of(), doc);
    }
}
