package seqpool.sequencer.evm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.TxCheck;
import seqpool.codec.crypto.Keccak;
import seqpool.contracts.anvil.AnvilProcess;

/**
 * The EVM engine: this node's own anvil, started with {@code --no-mining --order fifo} and the pool's genesis
 * ({@link AnvilSettings}). L2 block n is anvil's block n.
 *
 * <ul>
 * <li>{@link #produce}: sends the candidates in order, mines one block with the block's timestamp (seconds), reads it.
 * Candidates anvil refuses are reported with its message; those it accepted but did not include (the block was full,
 * or they were not executable at their turn) are removed from its pool, so that the next block holds exactly what
 * the producer offers then; they are not reported (the producer's mempool keeps and re-offers them).</li>
 * <li>{@link #replay}: sends exactly the block's transactions, mines with the same timestamp, and requires all of
 * them, in order, and the expected state root; otherwise it rolls anvil back to the previous head and throws.</li>
 * <li>{@link #rewindTo}: {@code anvil_rollback} (at most {@link AnvilSettings#maxRewindDepth()} blocks).</li>
 * <li>Restart: anvil keeps its state in memory; a new engine replays the stored blocks ({@link #rebuild}).</li>
 * </ul>
 * Rollbacks use {@code anvil_rollback}, not {@code evm_snapshot}/{@code evm_revert}: a snapshot copies the whole state
 * and anvil cannot delete one (about 1.5 MB each with 5,000 accounts: 3.2 GB after 2,000 blocks), and neither method
 * restores the next block's base fee, which this engine sets again after each rollback. An engine whose state is no
 * longer known (anvil crashed, a rollback failed) refuses every further block: restart it and rebuild.
 * Driven from one thread; {@link #check} and the getters may be called from any thread.
 */
public final class AnvilEngine implements ExecutionEngine, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AnvilEngine.class.getName());
    /** Transactions per {@code eth_sendRawTransaction} batch (see {@link AnvilChain#sendRaw}). */
    static final int SEND_CHUNK = 16;
    /** geth's words for a transaction over 128 KiB; the l2 wire format does not carry larger ones either. */
    static final String OVERSIZED = "oversized data";

    private final AnvilSettings settings;
    private final AnvilProcess process;
    private final AnvilChain chain;
    private final AnvilTxCheck txCheck;
    private volatile HeadBlock head;
    private volatile String broken;
    private volatile boolean closed;

    private AnvilEngine(AnvilSettings settings, AnvilProcess process, AnvilChain chain, HeadBlock head) {
        this.settings = settings;
        this.process = process;
        this.chain = chain;
        this.head = head;
        this.txCheck = new AnvilTxCheck(chain.rpc(), settings.chainId(), settings.blockGasLimit(), () -> this.head,
                this::unavailable);
    }

    /** Starts a fresh anvil with the genesis of {@code settings}; its head is {@code firstBlock - 1}. */
    public static AnvilEngine start(AnvilSettings settings) throws ExecutionException {
        AnvilProcess process;
        try {
            process = AnvilProcess.start(settings.binary(), settings.chainId(), settings.logFile(),
                    settings.anvilArgs());
        } catch (IOException e) {
            throw new ExecutionException("cannot start anvil " + settings.binary() + ": " + e.getMessage(), e);
        }
        try {
            AnvilChain chain = new AnvilChain(new AnvilRpc(process.rpcUrl(), settings.rpcTimeout()));
            long chainId = chain.chainId();
            HeadBlock genesis = chain.latest();
            if (chainId != settings.chainId() || genesis.number() != 0) {
                throw new IOException("anvil at " + process.rpcUrl() + " has chain id " + chainId + " and block "
                        + genesis.number() + ", expected a fresh chain " + settings.chainId());
            }
            for (long n = 1; n < settings.firstBlock(); n++) {
                chain.mine(settings.genesisTimestamp());
            }
            AnvilEngine engine = new AnvilEngine(settings, process, chain, chain.latest());
            LOG.log(System.Logger.Level.INFO, "EVM engine: anvil pid {0} at {1}, chain {2}, head {3}, log {4}",
                    process.pid(), process.rpcUrl(), chainId, engine.headNumber(), settings.logFile());
            return engine;
        } catch (IOException | AnvilRpcException | RuntimeException e) {
            process.close();
            throw new ExecutionException("anvil did not start as an execution engine: " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return "evm";
    }

    @Override
    public long headNumber() {
        return head.number();
    }

    @Override
    public Hash32 stateRoot() {
        return head.stateRoot();
    }

    /** anvil's hash of the head block (the block hash the node's JSON-RPC shows). */
    public Hash32 headHash() {
        return head.hash();
    }

    public AnvilSettings settings() {
        return settings;
    }

    @Override
    public TxCheck check(Bytes rawTransaction) {
        return txCheck.check(rawTransaction);
    }

    @Override
    public BlockExecution produce(long number, long timestampMillis, List<Bytes> candidates)
            throws ExecutionException {
        HeadBlock before = begin(number, timestampMillis);
        try {
            List<BlockExecution.RejectedTx> rejected = new ArrayList<>();
            List<Bytes> sendable = new ArrayList<>(candidates.size());
            for (Bytes raw : candidates) {
                if (raw.size() > TxRules.MAX_TX_SIZE) {
                    rejected.add(new BlockExecution.RejectedTx(Keccak.keccak256(raw), OVERSIZED));
                } else {
                    sendable.add(raw);
                }
            }
            List<RpcReply> replies = chain.sendRaw(sendable, SEND_CHUNK);
            Map<Hash32, Bytes> accepted = new HashMap<>();
            for (int i = 0; i < sendable.size(); i++) {
                Hash32 hash = Keccak.keccak256(sendable.get(i));
                if (replies.get(i) instanceof RpcReply.Failure f) {
                    rejected.add(new BlockExecution.RejectedTx(hash, gethWords(f.message())));
                } else {
                    accepted.putIfAbsent(hash, sendable.get(i));
                }
            }
            HeadBlock mined = mine(number, timestampMillis);
            List<Bytes> included = new ArrayList<>(mined.transactions().size());
            for (Hash32 hash : mined.transactions()) {
                Bytes raw = accepted.get(hash);
                if (raw == null) {
                    throw refusal(before, "block " + number + " includes " + hash + ", which was not offered");
                }
                included.add(raw);
            }
            if (included.size() < accepted.size()) {
                chain.dropPool();
            }
            head = mined;
            return new BlockExecution(number, included, rejected, mined.stateRoot(), mined.gasUsed(), mined.hash());
        } catch (IOException | AnvilRpcException | RuntimeException e) {
            throw failure(number, before, e);
        }
    }

    @Override
    public BlockExecution replay(long number, long timestampMillis, List<Bytes> transactions,
            Hash32 expectedStateRoot) throws ExecutionException {
        HeadBlock before = begin(number, timestampMillis);
        List<Hash32> hashes = transactions.stream().map(Keccak::keccak256).toList();
        try {
            for (int i = 0; i < transactions.size(); i++) {
                if (transactions.get(i).size() > TxRules.MAX_TX_SIZE) {
                    throw new ExecutionException(invalidTx(number, i, hashes.get(i), OVERSIZED, expectedStateRoot));
                }
            }
            for (int chunk = SEND_CHUNK;; chunk = 1) {
                List<RpcReply> replies = chain.sendRaw(transactions, chunk);
                for (int i = 0; i < replies.size(); i++) {
                    if (replies.get(i) instanceof RpcReply.Failure f) {
                        throw refusal(before, invalidTx(number, i, hashes.get(i), gethWords(f.message()),
                                expectedStateRoot));
                    }
                }
                HeadBlock mined = mine(number, timestampMillis);
                if (!mined.transactions().equals(hashes)) {
                    boolean reordered = new HashSet<>(mined.transactions()).equals(new HashSet<>(hashes));
                    restore(before);
                    if (reordered && chunk > 1) {
                        LOG.log(System.Logger.Level.WARNING, "block {0}: anvil reordered a batch; sending one by one",
                                number);
                        continue;
                    }
                    int i = firstDifference(mined.transactions(), hashes);
                    throw new ExecutionException("block " + number + " refused: transaction " + i + " ("
                            + (i < hashes.size() ? hashes.get(i) : "none") + ") was not executable at its turn ("
                            + mined.transactions().size() + " of " + hashes.size() + " executed); expected state root "
                            + expectedStateRoot + ", nothing applied");
                }
                if (!mined.stateRoot().equals(expectedStateRoot)) {
                    throw refusal(before, "block " + number + " refused: state root mismatch: expected "
                            + expectedStateRoot + ", actual " + mined.stateRoot() + "; nothing applied");
                }
                head = mined;
                return new BlockExecution(number, transactions, List.of(), mined.stateRoot(), mined.gasUsed(),
                        mined.hash());
            }
        } catch (IOException | AnvilRpcException | RuntimeException e) {
            throw failure(number, before, e);
        }
    }

    @Override
    public void rewindTo(long number) throws ExecutionException {
        usable();
        HeadBlock h = head;
        if (number == h.number()) {
            return;
        }
        if (number > h.number() || number < settings.firstBlock() - 1 || h.number() - number > settings.maxRewindDepth()) {
            throw new ExecutionException("cannot rewind from block " + h.number() + " to " + number + " (genesis "
                    + (settings.firstBlock() - 1) + ", at most " + settings.maxRewindDepth() + " blocks back)");
        }
        try {
            chain.dropPool();
            chain.rollback(h.number() - number);
            HeadBlock target = chain.latest();
            if (target.number() != number) {
                throw new IOException("anvil_rollback left block " + target.number() + ", expected " + number);
            }
            chain.setNextBaseFee(target.nextBaseFee());
            head = target;
            LOG.log(System.Logger.Level.INFO, "rewound from block {0} to {1}", h.number(), number);
        } catch (IOException | AnvilRpcException | RuntimeException e) {
            broken = "rewind from " + h.number() + " to " + number + " failed: " + e.getMessage();
            throw new ExecutionException(describe(broken), e);
        }
    }

    /**
     * Restart: replays stored blocks, in order from the head + 1, checking each state root. Returns how many blocks
     * it replayed; the first one that fails stops the rebuild (the engine keeps the blocks before it).
     */
    public long rebuild(Iterable<BlockInput> blocks) throws ExecutionException {
        long count = 0;
        for (BlockInput b : blocks) {
            replay(b.number(), b.timestampMillis(), b.transactions(), b.expectedStateRoot());
            count++;
        }
        return count;
    }

    /** Read access to this node's anvil for the JSON-RPC layer (read methods only; see {@link AnvilForwarder}). */
    public AnvilForwarder forwarder(BlockTagHook hook) {
        return new AnvilForwarder(chain.rpc(), hook, this::headNumber);
    }

    /** Transactions waiting in anvil's pool (0 between blocks). */
    long pendingTransactions() throws IOException, AnvilRpcException {
        return chain.poolSize();
    }

    long pid() {
        return process.pid();
    }

    /** Stops anvil (its state is gone; a new engine rebuilds it). */
    @Override
    public void close() {
        closed = true;
        process.close();
    }

    private HeadBlock begin(long number, long timestampMillis) throws ExecutionException {
        usable();
        HeadBlock h = head;
        if (number != h.number() + 1) {
            throw new ExecutionException("block " + number + " does not follow the engine's head " + h.number());
        }
        long seconds = Math.floorDiv(timestampMillis, 1000);
        if (timestampMillis < 0 || seconds < h.timestamp()) {
            throw new ExecutionException("block " + number + ": timestamp " + timestampMillis + " ms is before the head's "
                    + h.timestamp() + " s");
        }
        return h;
    }

    private HeadBlock mine(long number, long timestampMillis) throws IOException, AnvilRpcException, ExecutionException {
        chain.mine(Math.floorDiv(timestampMillis, 1000));
        HeadBlock mined = chain.latest();
        if (mined.number() != number) {
            throw new IOException("anvil mined block " + mined.number() + ", expected " + number);
        }
        return mined;
    }

    /** Puts anvil back at {@code before} and returns the exception for the refusal. */
    private ExecutionException refusal(HeadBlock before, String message) throws ExecutionException {
        restore(before);
        return new ExecutionException(message);
    }

    /** Empties the pool and removes blocks above {@code before}; the engine is broken if that does not work. */
    private void restore(HeadBlock before) throws ExecutionException {
        try {
            chain.dropPool();
            long above = chain.blockNumber() - before.number();
            if (above > 0) {
                chain.rollback(above);
                chain.setNextBaseFee(before.nextBaseFee());
            }
            HeadBlock now = chain.latest();
            if (!now.hash().equals(before.hash())) {
                throw new IOException("anvil is at block " + now.number() + " " + now.hash() + ", expected "
                        + before.number() + " " + before.hash());
            }
            head = before;
        } catch (IOException | AnvilRpcException | RuntimeException e) {
            broken = "could not return to block " + before.number() + ": " + e.getMessage();
            throw new ExecutionException(describe(broken), e);
        }
    }

    private ExecutionException failure(long number, HeadBlock before, Exception e) {
        if (e instanceof ExecutionException ee) {
            return ee;
        }
        String cause = unavailable() != null ? unavailable() : e.getMessage();
        try {
            restore(before);
            return new ExecutionException("block " + number + ": the EVM engine failed: " + cause + "; nothing applied", e);
        } catch (ExecutionException restoreFailed) {
            return new ExecutionException("block " + number + ": the EVM engine failed: " + cause + "; "
                    + restoreFailed.getMessage(), e);
        }
    }

    private void usable() throws ExecutionException {
        if (closed) {
            throw new ExecutionException("the EVM engine is closed");
        }
        String down = unavailable();
        if (down != null) {
            throw new ExecutionException(describe(down));
        }
        if (broken != null) {
            throw new ExecutionException(describe(broken));
        }
    }

    private String describe(String reason) {
        return "the EVM engine cannot continue: " + reason + "; restart the engine and rebuild from the stored blocks";
    }

    /** Why anvil cannot answer (it exited), or null. */
    private String unavailable() {
        if (process.isAlive()) {
            return null;
        }
        return "anvil (pid " + process.pid() + ") exited with code "
                + process.exitCode().stream().mapToObj(Integer::toString).findFirst().orElse("?") + "; see "
                + process.logFile();
    }

    private static String invalidTx(long number, int index, Hash32 hash, String reason, Hash32 expectedStateRoot) {
        return "block " + number + " refused: transaction " + index + " (" + hash + ") is invalid: " + reason
                + "; expected state root " + expectedStateRoot + ", nothing applied";
    }

    /** anvil's refusals in geth's words, which clients parse: {@code Insufficient funds…} → {@code insufficient…}. */
    static String gethWords(String anvilMessage) {
        if (anvilMessage == null || anvilMessage.isEmpty()) {
            return "transaction refused";
        }
        return Character.toLowerCase(anvilMessage.charAt(0)) + anvilMessage.substring(1);
    }

    private static int firstDifference(List<Hash32> got, List<Hash32> want) {
        int i = 0;
        while (i < got.size() && i < want.size() && got.get(i).equals(want.get(i))) {
            i++;
        }
        return i;
    }
}
