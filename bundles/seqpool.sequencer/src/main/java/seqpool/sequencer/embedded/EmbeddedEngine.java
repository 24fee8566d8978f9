package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.BlockExecution.RejectedTx;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.L2Transaction;
import seqpool.api.sequencer.TxCheck;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.sequencer.embedded.BlockExecutor.Outcome;
import seqpool.sequencer.embedded.BlockExecutor.Step;
import seqpool.sequencer.embedded.TxPreparer.Prepared;

/**
 * The embedded execution engine ({@value #KIND}): native ETH transfers carried by real Ethereum transactions, executed
 * in Java, with the ledger in the node's store (rules and layout: docs/sequencer.md, "Embedded engine").
 *
 * <p>{@link #produce}, {@link #replay} and {@link #rewindTo} run on one thread (the sequencer's). {@link #check} and
 * the read methods may be called from any thread: {@code check} reads the latest accounts from memory, the reads take
 * one store snapshot each. A transaction's signature is recovered once: {@code check} keeps the sender by transaction
 * hash until the block that includes it; a replay recovers the senders it has not seen on several threads.
 */
public final class EmbeddedEngine implements ExecutionEngine {
    public static final String KIND = "embedded";

    private final EmbeddedConfig config;
    private final EngineStore store;
    private final SenderCache senders;
    private final TxPreparer preparer;
    private final EngineReads reads;
    private final Ledger ledger = new Ledger();
    private volatile BlockInfo head;
    private volatile BigInteger nextBaseFee;

    private EmbeddedEngine(EmbeddedConfig config, EngineStore store) {
        this.config = config;
        this.store = store;
        TxDecoder decoder = new TxDecoder(config.chainId());
        this.senders = new SenderCache(config.senderCacheSize());
        this.preparer = new TxPreparer(decoder, senders, config.blockGasLimit());
        this.reads = new EngineReads(store, decoder);
    }

    /**
     * Opens the ledger in {@code kv}: writes the genesis block and allocations into an empty store, or continues from
     * the stored head (checking that the store was made with the same genesis and that the accounts give the head's
     * state root).
     */
    public static EmbeddedEngine open(KeyValueStore kv, EmbeddedConfig config) throws StoreException {
        EmbeddedEngine e = new EmbeddedEngine(config, EngineStore.open(kv));
        e.load();
        return e;
    }

    private void load() throws StoreException {
        Map<Address, Account> genesisAccounts = new TreeMap<>();
        config.alloc().forEach((a, wei) -> genesisAccounts.put(a, new Account(0, wei)));
        ledger.putAll(genesisAccounts);
        BlockInfo genesis = BlockAssembly.genesis(config, ledger.root());
        Optional<Long> stored = store.headNumber();
        if (stored.isEmpty()) {
            store.writeGenesis(genesis, genesisAccounts);
            setHead(genesis);
            return;
        }
        Optional<BlockInfo> storedGenesis = store.block(config.genesisNumber());
        if (storedGenesis.isEmpty() || !storedGenesis.get().hash().equals(genesis.hash())) {
            throw new StoreException("the store holds an embedded ledger with another genesis (chain id, genesis "
                    + "number, gas limit, base fee or allocations differ): stored " + storedGenesis.map(BlockInfo::hash)
                    + ", configured " + genesis.hash());
        }
        ledger.clear();
        ledger.putAll(store.accounts());
        BlockInfo h = store.block(stored.get())
                .orElseThrow(() -> new StoreException("embedded head block " + stored.get() + " is missing"));
        if (!ledger.root().equals(h.stateRoot())) {
            throw new StoreException("the stored accounts give state root " + ledger.root() + ", not block "
                    + h.number() + "'s " + h.stateRoot());
        }
        setHead(h);
    }

    private void setHead(BlockInfo block) {
        nextBaseFee = BaseFee.next(block);
        head = block;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long headNumber() {
        return head.number();
    }

    @Override
    public Hash32 stateRoot() {
        return head.stateRoot();
    }

    @Override
    public TxCheck check(Bytes rawTransaction) {
        try {
            Prepared p = preparer.prepare(rawTransaction);
            if (p.rejection() != null) {
                return new TxCheck.Invalid(p.rejection().code(), p.rejection().message());
            }
            RecoveredTx rtx = p.tx();
            senders.put(rtx);
            TxRules.checkAdmission(rtx, account(rtx.sender()), nextBaseFee);
            DecodedTx tx = rtx.tx();
            return new TxCheck.Valid(new L2Transaction(tx.raw(), tx.hash(), rtx.sender(), tx.nonce()),
                    tx.maxFeePerGas());
        } catch (InvalidTxException e) {
            return new TxCheck.Invalid(e.rejection().code(), e.rejection().message());
        } catch (RuntimeException e) {
            return new TxCheck.Invalid(Rejection.INVALID_PARAMS, Rejection.UNDECODABLE + ": " + e);
        }
    }

    @Override
    public BlockExecution produce(long number, long timestampMillis, List<Bytes> candidates)
            throws ExecutionException {
        requireNext(number, timestampMillis);
        BlockExecutor ex = executor();
        List<RejectedTx> rejected = new ArrayList<>();
        for (Bytes raw : candidates) {
            if (!ex.hasRoom()) {
                break; // the rest are neither included nor rejected: they wait for the next block
            }
            Prepared p = preparer.prepare(raw);
            Rejection why = p.rejection();
            if (why == null) {
                Step step = ex.apply(p.tx());
                why = step.outcome() == Outcome.INVALID ? step.rejection() : null;
            }
            if (why != null) {
                rejected.add(new RejectedTx(p.hash(), why.message()));
            }
        }
        return commit(number, timestampMillis, ex, rejected, null);
    }

    @Override
    public BlockExecution replay(long number, long timestampMillis, List<Bytes> transactions,
            Hash32 expectedStateRoot) throws ExecutionException {
        requireNext(number, timestampMillis);
        Prepared[] prepared = preparer.prepareAll(transactions, config.parallelRecovery());
        BlockExecutor ex = executor();
        for (int i = 0; i < prepared.length; i++) {
            Rejection why = prepared[i].rejection();
            if (why == null) {
                why = ex.apply(prepared[i].tx()).rejection();
            }
            if (why != null) {
                throw new ExecutionException("block " + number + ": transaction " + i + " (" + prepared[i].hash()
                        + ") is invalid: " + why.message() + "; nothing was applied");
            }
        }
        return commit(number, timestampMillis, ex, List.of(), expectedStateRoot);
    }

    @Override
    public void rewindTo(long number) throws ExecutionException {
        BlockInfo from = head;
        if (number >= from.number()) {
            return;
        }
        if (number < config.genesisNumber() || from.number() - number > config.rewindDepth()) {
            throw new ExecutionException("cannot rewind from block " + from.number() + " to " + number
                    + ": undo records cover the last " + config.rewindDepth() + " blocks above genesis "
                    + config.genesisNumber());
        }
        try {
            BlockInfo target = store.block(number)
                    .orElseThrow(() -> new ExecutionException("block " + number + " is not stored"));
            Map<Address, Account> restored = store.rewind(from.number(), number).orElseThrow(
                    () -> new ExecutionException("an undo record between " + number + " and " + from.number()
                            + " is missing; nothing was undone"));
            ledger.putAll(restored);
            setHead(target);
            if (!ledger.root().equals(target.stateRoot())) {
                throw new IllegalStateException("rewound accounts give " + ledger.root() + ", block " + number
                        + " has " + target.stateRoot());
            }
        } catch (StoreException e) {
            throw new ExecutionException("rewind to " + number + " failed in the store: " + e.getMessage(), e);
        }
    }

    private void requireNext(long number, long timestampMillis) throws ExecutionException {
        if (number != head.number() + 1) {
            throw new ExecutionException("block " + number + " does not follow the head " + head.number());
        }
        if (timestampMillis < 0) {
            throw new ExecutionException("block " + number + " has a negative timestamp " + timestampMillis);
        }
    }

    private BlockExecutor executor() {
        return new BlockExecutor(ledger::get, nextBaseFee, config.coinbase(), config.blockGasLimit());
    }

    /**
     * Stages the block's accounts in the tree, checks the root (replay), stores the block in one batch and only then
     * publishes it; a refused or unstorable block is unstaged, so nothing of it remains.
     */
    private BlockExecution commit(long number, long timestampMillis, BlockExecutor ex, List<RejectedTx> rejected,
            Hash32 expectedRoot) throws ExecutionException {
        BlockInfo parent = head;
        Map<Address, Account> changes = ex.changes();
        ledger.stage(changes);
        Hash32 root = ledger.root();
        if (expectedRoot != null && !expectedRoot.equals(root)) {
            ledger.unstage(ex.before(), parent.stateRoot());
            throw new ExecutionException("block " + number + ": the transactions give state root " + root
                    + ", the block says " + expectedRoot + "; nothing was applied");
        }
        BlockAssembly a = BlockAssembly.of(config, parent, number, timestampMillis, ex, root);
        try {
            store.commitBlock(a.block(), a.transactions(), a.undo(), changes, number - config.rewindDepth());
        } catch (StoreException e) {
            ledger.unstage(ex.before(), parent.stateRoot());
            throw new ExecutionException("block " + number + " could not be stored: " + e.getMessage(), e);
        }
        ledger.publish(changes);
        setHead(a.block());
        senders.removeAll(a.block().transactions());
        return new BlockExecution(number, ex.executed().stream().map(e -> e.rtx().tx().raw()).toList(), rejected,
                root, ex.gasUsed(), a.block().hash());
    }

    // ---- reads for the JSON-RPC layer (any thread) ----

    public EmbeddedConfig config() {
        return config;
    }

    public long chainId() {
        return config.chainId();
    }

    /** The latest block (the genesis block before the first). */
    public BlockInfo head() {
        return head;
    }

    /** An account at the latest block ({@link Account#EMPTY} if it does not exist). */
    public Account account(Address address) {
        Account a = ledger.get(address);
        return a == null ? Account.EMPTY : a;
    }

    /**
     * An account after block {@code number}: the latest block or one of the {@code rewindDepth} before it; empty for
     * a block above the head or older than that.
     */
    public Optional<Account> accountAt(Address address, long number) throws StoreException {
        return store.accountAt(address, number);
    }

    public Optional<BlockInfo> block(long number) throws StoreException {
        return store.block(number);
    }

    public Optional<BlockInfo> block(Hash32 hash) throws StoreException {
        return store.block(hash);
    }

    /** An included transaction by hash (empty if unknown or pending). */
    public Optional<TxInfo> transaction(Hash32 hash) throws StoreException {
        return reads.transaction(hash);
    }

    /** The receipt of an included transaction (empty if unknown or pending). */
    public Optional<ReceiptInfo> receipt(Hash32 hash) throws StoreException {
        return reads.receipt(hash);
    }

    /** The base fee of the next block (EIP-1559 from the head). */
    public BigInteger nextBaseFee() {
        return nextBaseFee;
    }

    /**
     * The gas a transfer with this calldata and access list uses (and needs as its gas limit): what
     * {@code eth_estimateGas} answers, since no code runs.
     */
    public static long intrinsicGas(Bytes data, List<AccessListEntry> accessList) {
        return TxRules.intrinsicGas(data, accessList);
    }

    /** {@code eth_feeHistory}: see {@link FeeHistory}; at most 1,024 blocks. */
    public FeeHistory feeHistory(int blockCount, long newestBlock, List<Double> rewardPercentiles)
            throws StoreException {
        return reads.feeHistory(blockCount, newestBlock, head.number(), config.genesisNumber(), rewardPercentiles);
    }

    /** The root the account tree gives now (equal to {@link #stateRoot()} between blocks). */
    Hash32 treeRoot() {
        return ledger.root();
    }

    /** How many signatures this engine has recovered (each costs a secp256k1 recovery). */
    public long recoveries() {
        return preparer.recoveries();
    }
}
