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
            integer("node", "startTimeoutMs", 60_000, 1_000, 600_000, "How long the required components may take to "
                    + "start; past it the node names the ones missing and exits with 1."),

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
            longKey("p2p", "inboundBytesPerSecond", 32L * 1024 * 1024, 1024, Long.MAX_VALUE, "Each peer's inbound "
                    + "share in bytes per second: frames beyond it are dropped unread and the peer is penalized."),
            longKey("p2p", "inboundBurstBytes", 32L * 1024 * 1024, 1028, Long.MAX_VALUE, "The most a peer may send "
                    + "at once, in bytes (at least p2p.maxFrameBytes + 4)."),

            str("staking", "rpcUrl", "http://127.0.0.1:8545", "L1 JSON-RPC URL (http or https) the staking view "
                    + "reads the LockingPool from."),
            path("staking", "contractsFile", "contracts.yaml", "Addresses file written by `seqpool contracts "
                    + "deploy`."),
            integer("staking", "confirmations", 6, 0, 10_000, "L1 confirmations before a block is read."),
            longKey("staking", "pollMs", 200, 10, 600_000, "web3j polling interval in ms."),

            path("trace", "file", "", "Write protocol trace events (ndjson, DESIGN.md §5) to this file; empty: off."),

            integer("consensus", "timeoutProposeMs", 1000, 1, 600_000, "Propose timeout of round 0, in ms."),
            integer("consensus", "timeoutProposeDeltaMs", 500, 0, 600_000, "Added to the propose timeout per round."),
            integer("consensus", "timeoutPrevoteMs", 500, 1, 600_000, "Prevote timeout of round 0, in ms."),
            integer("consensus", "timeoutPrevoteDeltaMs", 250, 0, 600_000, "Added to the prevote timeout per round."),
            integer("consensus", "timeoutPrecommitMs", 500, 1, 600_000, "Precommit timeout of round 0, in ms."),
            integer("consensus", "timeoutPrecommitDeltaMs", 250, 0, 600_000, "Added to the precommit timeout per round."),
            integer("consensus", "commitPauseMs", 0, 0, 600_000, "The round-0 proposer waits this long after a commit "
                    + "before proposing (CometBFT's timeout_commit; paces an idle chain). Below timeoutProposeMs."),
            integer("consensus", "maxBlockTxs", 5000, 1, 100_000, "Most transactions in a consensus block."),
            integer("consensus", "gossipIntervalMs", 500, 10, 60_000, "Status gossip and retransmission interval."),

            integer("tss", "sessionTimeoutSeconds", 60, 1, 3600, "Seconds a DKG, reshare or signing session may take "
                    + "before it aborts naming the parties that did not answer."),

            integer("bridge", "confirmations", 12, 0, 10_000, "L1 confirmations before an event is recorded (a reorg "
                    + "shallower than this never reaches consensus)."),
            longKey("bridge", "pollMs", 1000, 10, 600_000, "How often the bridge asks L1 for its head, in ms."),
            longKey("bridge", "startBlock", -1, -1, Long.MAX_VALUE, "First L1 block followed (-1: the contracts' "
                    + "deploy block)."),
            integer("bridge", "maxBlockRange", 1000, 1, 100_000, "Most L1 blocks per eth_getLogs request."),

            longKey("pos", "genesisL1Block", 1, 1, Long.MAX_VALUE, "L1 block whose active sequencers are the pool's "
                    + "genesis validators (the same on every node; must be confirmed)."),
            longKey("pos", "epochLength", 100, 1, 1_000_000_000, "L2 blocks per epoch."),
            longKey("pos", "firstL2Block", 1, 1, Long.MAX_VALUE, "Number of the first L2 block (SequencerSet's "
                    + "genesisL2Block)."),
            longKey("pos", "l2ChainId", 901, 1, Long.MAX_VALUE, "L2 chain id (bound into L2 header signatures)."),
            integer("pos", "jailAfterFaults", 3, 1, 1000, "Producer stalls within faultWindowEpochs that jail it."),
            integer("pos", "faultWindowEpochs", 100, 1, 1_000_000, "Epochs a stall counts as a fault."),
            longKey("pos", "taskTimeoutHeights", 120, 2, 1_000_000, "Consensus heights a task attempt may stay open "
                    + "before the pool re-opens it (other signers, new session)."),
            longKey("pos", "producerTimeoutMs", 3000, 100, 600_000, "A producer that makes no L2 block for this long "
                    + "gets this node's rotation vote."),
            longKey("pos", "forcedInclusionBlocks", 10, 0, 1_000_000, "A forced-inclusion message is due this many L2 "
                    + "blocks after the committed L2 head it was committed at; the L2 runs at most this many blocks "
                    + "ahead of the pool's committed head (0: forced inclusion off). The same on every node."),
            integer("pos", "l2EquivocationSlashBps", 1000, 0, 10_000, "Basis points of its stake an L2 producer "
                    + "loses for signing two blocks of one number (slashed on L1 by the pool, then jailed). The same on "
                    + "every node."),
            longKey("pos", "postFallbackMs", 5000, 0, 600_000, "A fallback poster of rank r posts a task's result to "
                    + "L1 after r times this delay."),

            longKey("sequencer", "blockTimeMs", 1000, 50, 600_000, "L2 block interval of the assigned producer, in ms."),
            enumKey("sequencer", "engine", "none", List.of("none", "embedded", "evm"), "Execution engine: `none` "
                    + "(signed empty blocks), `embedded` (native transfers in Java) or `evm` (the node's own anvil)."),
            path("sequencer", "anvilBinary", "", "anvil binary of the `evm` engine (the devnet passes the one the "
                    + "build installed)."),
            longKey("sequencer", "genesisTimestamp", 1_700_000_000L, 0, Long.MAX_VALUE, "L2 genesis time in seconds; "
                    + "the same on every node (the `evm` engine's genesis block)."),
            integer("sequencer", "maxBlockTxs", 5000, 1, 20_000, "Most transactions in one L2 block."),

            enumKey("submitter", "compression", "zlib", List.of("zlib", "zstd"), "Compression of new batches (both are always decoded). The same on every node: signers re-derive batches with their own."),
            integer("submitter", "zlibLevel", 9, 1, 9, "zlib level of new batches. The same on every node."),
            integer("submitter", "zstdLevel", 9, 1, 22, "zstd level of new batches. The same on every node."),
            enumKey("submitter", "l1Fork", "prague", List.of("cancun", "prague"), "L1 fork whose rules apply: blobs per transaction (6 or 9) and the calldata floor (EIP-7623)."),
            integer("submitter", "maxBlobsPerTransaction", 0, 0, 64, "Blobs per L1 transaction if not the fork's (0: the fork's)."),
            bool("submitter", "enabled", true, "Propose and post batches; `false`: this node only re-derives and signs them."),
            longKey("submitter", "maxAgeMs", 60_000, 0, 86_400_000, "A batch is cut once its oldest L2 block is this old (by L2 timestamp), or earlier when it fills its blobs."),
            integer("submitter", "blobsPerBatch", 1, 1, 64, "Blobs one batch may fill (its size limit; at most the fork's per transaction)."),
            enumKey("submitter", "dataKind", "auto", List.of("auto", "blob", "calldata"), "How batch data travels: `auto` (the cheaper at current L1 fees, docs/batches.md), `blob` or `calldata`."),
            longKey("submitter", "submitTimeoutMs", 30_000, 0, 3_600_000, "The fallback of rank r proposes a due batch, and posts a signed one, after r times this."),
            longKey("submitter", "bumpAfterMs", 36_000, 100, 3_600_000, "A batch transaction still unmined after this is replaced with higher fees (tip and max fee ×5/4, blob fee ×2)."),
            longKey("submitter", "pollMs", 500, 10, 60_000, "How often the submitter steps (propose, sign, post, follow L1)."),

            str("rpc", "host", "127.0.0.1", "Interface of the Ethereum JSON-RPC server (HTTP and WebSocket)."),
            integer("rpc", "port", 9545, 0, 65535, "Port of the Ethereum JSON-RPC server."),

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
                    + "Empty: `<dataDir>/admin.token`."),
            integer("admin", "stallSeconds", 30, 2, 3_600, "A consensus height (or, on the producer, an L2 head) that "
                    + "has not advanced for this long makes `/health` report the component DEGRADED."),
            integer("admin", "maxConnections", 256, 4, 4_096, "Most admin connections at once, idle keep-alive ones "
                    + "included (a thread each while a request runs, so no request waits for a thread); requests must "
                    + "arrive whole within 5 s."));

    private static final Set<String> OPTIONAL_SECTIONS = Set.of("staking", "consensus", "tss", "bridge", "pos",
            "sequencer", "trace", "rpc", "submitter");

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
     * and a deployed contracts file, so a node without that section runs without a staking view; the pool's sections
     * ({@code consensus}, {@code tss}, {@code bridge}, {@code pos}, {@code sequencer}) start its protocol modules, and
     * {@code trace} its trace file.
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
