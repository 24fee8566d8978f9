package seqpool.sequencer.evm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a node starts its anvil. Every node of a pool must use the same genesis ({@code chainId}, {@code
 * genesisTimestamp}, {@code blockGasLimit}, {@code hardfork}, {@code firstBlock} and anvil's default dev accounts,
 * pinned here explicitly), or their state roots differ from the first block on.
 *
 * @param binary           the anvil executable ({@code contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil})
 * @param logFile          where anvil's output goes (appended)
 * @param chainId          the L2 chain id
 * @param genesisTimestamp the genesis block's timestamp, in seconds
 * @param blockGasLimit    the gas limit of every block (anvil's default, 30 M, caps a block at 1,428 transfers)
 * @param hardfork         the EVM rules, pinned so that nodes with different anvil versions agree (e.g. {@code osaka})
 * @param firstBlock       the number of the first L2 block (the sequencer's {@code genesisL2Block}, at least 1)
 * @param maxRewindDepth   how many blocks {@link AnvilEngine#rewindTo} may undo (anvil keeps older states on disk)
 * @param rpcTimeout       the limit for one request to anvil
 */
public record AnvilSettings(Path binary, Path logFile, long chainId, long genesisTimestamp, long blockGasLimit,
        String hardfork, long firstBlock, int maxRewindDepth, Duration rpcTimeout) {
    public static final long DEFAULT_BLOCK_GAS_LIMIT = 300_000_000L;
    public static final String DEFAULT_HARDFORK = "osaka";
    public static final int DEFAULT_MAX_REWIND_DEPTH = 256;
    public static final Duration DEFAULT_RPC_TIMEOUT = Duration.ofSeconds(30);
    /** anvil's default (public, well-known) dev mnemonic: its first 10 accounts are the devnet's funded accounts. */
    public static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    static final int DEV_ACCOUNTS = 10;
    static final long DEV_BALANCE_ETH = 10_000;
    static final long GENESIS_BASE_FEE = 1_000_000_000L;

    public AnvilSettings {
        if (binary == null || logFile == null || hardfork == null || rpcTimeout == null) {
            throw new IllegalArgumentException("anvil settings need a binary, a log file, a hardfork and a timeout");
        }
        if (chainId <= 0 || genesisTimestamp < 0 || blockGasLimit < 21_000 || firstBlock < 1 || maxRewindDepth < 0
                || rpcTimeout.isNegative() || rpcTimeout.isZero() || !hardfork.matches("[a-z]+")) {
            throw new IllegalArgumentException("invalid anvil settings: chainId " + chainId + ", genesisTimestamp "
                    + genesisTimestamp + ", blockGasLimit " + blockGasLimit + ", hardfork " + hardfork + ", firstBlock "
                    + firstBlock + ", maxRewindDepth " + maxRewindDepth + ", rpcTimeout " + rpcTimeout);
        }
    }

    /** The defaults: 300 M gas per block, Osaka rules, first block 1, rewinds up to 256 blocks, 30 s per request. */
    public static AnvilSettings of(Path binary, Path logFile, long chainId, long genesisTimestamp) {
        return new AnvilSettings(binary, logFile, chainId, genesisTimestamp, DEFAULT_BLOCK_GAS_LIMIT, DEFAULT_HARDFORK,
                1, DEFAULT_MAX_REWIND_DEPTH, DEFAULT_RPC_TIMEOUT);
    }

    public AnvilSettings withBlockGasLimit(long gasLimit) {
        return new AnvilSettings(binary, logFile, chainId, genesisTimestamp, gasLimit, hardfork, firstBlock,
                maxRewindDepth, rpcTimeout);
    }

    public AnvilSettings withLogFile(Path file) {
        return new AnvilSettings(binary, file, chainId, genesisTimestamp, blockGasLimit, hardfork, firstBlock,
                maxRewindDepth, rpcTimeout);
    }

    public AnvilSettings withFirstBlock(long first) {
        return new AnvilSettings(binary, logFile, chainId, genesisTimestamp, blockGasLimit, hardfork, first,
                maxRewindDepth, rpcTimeout);
    }

    public AnvilSettings withMaxRewindDepth(int depth) {
        return new AnvilSettings(binary, logFile, chainId, genesisTimestamp, blockGasLimit, hardfork, firstBlock,
                depth, rpcTimeout);
    }

    /** anvil's arguments besides host, port, chain id and {@code --silent} (which {@code AnvilProcess} adds). */
    List<String> anvilArgs() {
        return List.of("--no-mining", "--order", "fifo", "--timestamp", Long.toString(genesisTimestamp),
                "--gas-limit", Long.toString(blockGasLimit), "--hardfork", hardfork,
                "--base-fee", Long.toString(GENESIS_BASE_FEE), "--mnemonic", DEV_MNEMONIC,
                "--accounts", Integer.toString(DEV_ACCOUNTS), "--balance", Long.toString(DEV_BALANCE_ETH));
    }
}
