package seqpool.sequencer.derive.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seqpool derive}: options, resolved against the node's configuration file (docs/derive.md). */
@Command(name = "derive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuild the L2 chain from L1 alone: BatchInbox batches (calldata or blobs), decoded, checked "
                + "against L1 SequencerSet's producers, re-executed from the L2 genesis by a fresh engine, and "
                + "optionally compared block by block with a node.",
            "Exit code: 0 every block matched, 1 a bad batch or a mismatch (the batch's line says why), 2 usage."})
final class DeriveCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--l1", paramLabel = "URL", description = "L1 JSON-RPC URL (default: staking.rpcUrl of --config)")
    String l1;

    @Option(names = "--from", paramLabel = "BLOCK", description = "first L1 block to scan (default: the contracts' "
            + "deploy block)")
    Long from;

    @Option(names = "--to", paramLabel = "BLOCK", description = "last L1 block to scan (default: the L1 head)")
    Long to;

    @Option(names = "--compare", paramLabel = "RPC", description = "a node's L2 JSON-RPC URL to compare block hashes "
            + "and state roots with")
    String compare;

    @Option(names = "--beacon", paramLabel = "URL", description = "Beacon API URL for blobs (default: the --l1 URL; "
            + "anvil serves it there)")
    String beacon;

    @Option(names = "--config", paramLabel = "FILE", description = "the node's YAML configuration: L2 genesis, "
            + "contracts file, L1 URL")
    Path config;

    @Option(names = "--contracts", paramLabel = "FILE", description = "addresses file of `seqpool contracts deploy` "
            + "(default: staking.contractsFile of --config, else contracts.yaml)")
    Path contracts;

    @Option(names = "--chain-id", description = "L2 chain id (default: pos.l2ChainId, else 901)")
    Long chainId;

    @Option(names = "--first-l2-block", description = "first L2 block (default: pos.firstL2Block, else 1)")
    Long firstL2Block;

    @Option(names = "--engine", description = "embedded, evm or none (default: sequencer.engine, else embedded)")
    String engine;

    @Option(names = "--genesis-timestamp", description = "L2 genesis time in seconds for the evm engine (default: "
            + "sequencer.genesisTimestamp, else 1700000000)")
    Long genesisTimestamp;

    @Option(names = "--anvil", paramLabel = "FILE", description = "anvil binary for the evm engine (default: "
            + "sequencer.anvilBinary, else $SEQPOOL_ANVIL)")
    Path anvil;

    @Option(names = "--l1-fork", description = "L1 fork of the blob limit: cancun or prague (default: "
            + "submitter.l1Fork, else prague)")
    String l1Fork;

    @Option(names = "--retries", defaultValue = "5", description = "attempts per L1/beacon/node request (default 5)")
    int retries;

    @Option(names = "--log-range", defaultValue = "1000", description = "L1 blocks per eth_getLogs (default 1000)")
    int logRange;

    private final CodecSource codecs;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    DeriveCli(CodecSource codecs, Map<String, String> env, PrintStream out, PrintStream err) {
        this.codecs = codecs;
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        DeriveSettings s = settings();
        return new DeriveRunner(s, codecs, out, err).run();
    }

    DeriveSettings settings() throws Exception {
        NodeConfigFile c;
        try {
            c = config == null ? NodeConfigFile.empty() : NodeConfigFile.read(config);
        } catch (java.io.IOException e) {
            throw usage(e.getMessage());
        }
        String l1Url = l1 != null ? l1 : c.string("staking", "rpcUrl").orElseThrow(
                () -> usage("--l1 URL is required (or a --config with staking.rpcUrl)"));
        String eng = engine != null ? engine : c.string("sequencer", "engine").orElse("embedded");
        if (!List.of("embedded", "evm", "none").contains(eng)) {
            throw usage("--engine must be embedded, evm or none, got " + eng);
        }
        Optional<Path> anvilBinary = Optional.ofNullable(anvil).or(() -> c.path("sequencer", "anvilBinary"))
                .or(() -> Optional.ofNullable(env.get("SEQPOOL_ANVIL")).filter(v -> !v.isBlank()).map(Path::of));
        if (eng.equals("evm") && (anvilBinary.isEmpty() || !Files.isExecutable(anvilBinary.get()))) {
            throw usage("the evm engine needs an executable anvil (--anvil, sequencer.anvilBinary or SEQPOOL_ANVIL): "
                    + anvilBinary.map(Path::toString).orElse("none given"));
        }
        String fork = l1Fork != null ? l1Fork : c.string("submitter", "l1Fork").orElse("prague");
        long first = firstL2Block != null ? firstL2Block : c.number("pos", "firstL2Block").orElse(1L);
        long chain = chainId != null ? chainId : c.number("pos", "l2ChainId").orElse(901L);
        if (first < 1 || chain < 1 || (from != null && from < 0) || (to != null && to < 0) || retries < 1
                || logRange < 1) {
            throw usage("--first-l2-block, --chain-id, --retries and --log-range must be positive, --from/--to >= 0");
        }
        return new DeriveSettings(l1Url, beacon != null ? beacon : l1Url, Optional.ofNullable(compare),
                contracts != null ? contracts : c.path("staking", "contractsFile").orElse(Path.of("contracts.yaml")),
                from == null ? -1 : from, to == null ? -1 : to, chain, first, eng,
                genesisTimestamp != null ? genesisTimestamp : c.number("sequencer", "genesisTimestamp")
                        .orElse(1_700_000_000L), anvilBinary, fork,
                (int) (long) c.number("submitter", "maxBlobsPerTransaction").orElse(0L), retries, logRange);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
