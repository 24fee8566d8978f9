package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

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
import seqpool.sequencer.embedded.BlockExecutor.ExecutedTx;
import seqpool.sequencer.embedded.BlockExecutor.Outcome;
import seqpool.sequencer.embedded.BlockExecutor.Step;
import seqpool.sequencer.embedded.StoreCodec.Change;

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
    private static final int PARALLEL_MIN = 16;

    private final EmbeddedConfig config;
    private final EngineStore store;
    private final TxDecoder decoder;
    private final SenderCache senders;
    private final EngineReads reads;
    private final StateTrie trie = new StateTrie();
    private final Map<Address, Account> latest = new ConcurrentHashMap<>();
    private final LongAdder recoveries = new LongAdder();
    private volatile BlockInfo head;
    private volatile BigInteger nextBaseFee;

    /** A candidate after decoding: the recovered transaction, or why it was refused. */
    private record Prepared(Hash32 hash, RecoveredTx tx, Rejection rejection) {
    }

    private EmbeddedEngine(EmbeddedConfig config, EngineStore store) {
        this.config = config;
        this.store = store;
        this.decoder = new TxDecoder(config.chainId());
        this.senders = new SenderCache(config.senderCacheSize());
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
        Map<Address, Account> genesisAccounts = new java.util.TreeMap<>();
        config.alloc().forEach((a, wei) -> genesisAccounts.put(a, new Account(0, wei)));
        genesisAccounts.forEach(trie::put);
        BlockInfo genesis = genesisBlock(trie.root());
        Optional<Long> stored = store.headNumber();
        if (stored.isEmpty()) {
            store.writeGenesis(genesis, genesisAccounts);
            latest.putAll(genesisAccounts);
            setHead(genesis);
            return;
        }
        Optional<BlockInfo> storedGenesis = store.block(config.genesisNumber());
        if (storedGenesis.isEmpty() || !storedGenesis.get().hash().equals(genesis.hash())) {
            throw new StoreException("the store holds an embedded ledger with another genesis (chain id, genesis "
                    + "number, gas limit, base fee or allocations differ): stored " + storedGenesis.map(BlockInfo::hash)
                    + ", configured " + genesis.hash());
        }
        genesisAccounts.keySet().forEach(trie::remove);
        Map<Address, Account> accounts = store.accounts();
        accounts.forEach(trie::put);
        latest.putAll(accounts);
        BlockInfo h = store.block(stored.get())
                .orElseThrow(() -> new StoreException("embedded head block " + stored.get() + " is missing"));
        if (!trie.root().equals(h.stateRoot())) {
            throw new StoreException("the stored accounts give state root " + trie.root() + ", not block "
                    + h.number() + "'s " + h.stateRoot());
        }
        setHead(h);
    }

    private BlockInfo genesisBlock(Hash32 stateRoot) {
        Hash32 txRoot = BlockHeaders.transactionsRoot(List.of());
        Hash32 receiptsRoot = BlockHeaders.receiptsRoot(List.of());
        long n = config.genesisNumber();
        Hash32 hash = BlockHeaders.hash(config.chainId(), n, Hash32.ZERO, 0, EmbeddedConfig.ZERO_ADDRESS, stateRoot,
                txRoot, receiptsRoot, 0, config.blockGasLimit(), config.initialBaseFee());
        return new BlockInfo(n, hash, Hash32.ZERO, 0, EmbeddedConfig.ZERO_ADDRESS, stateRoot, txRoot, receiptsRoot, 0,
                config.blockGasLimit(), config.initialBaseFee(), List.of());
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
            Prepared p = prepare(rawTransaction);
            if (p.rejection() != null) {
                return new TxCheck.Invalid(p.rejection().code(), p.rejection().message());
            }
            RecoveredTx rtx = p.tx();
            senders.put(rtx);
            TxRules.checkAdmission(rtx, latest.getOrDefault(rtx.sender(), Account.EMPTY), nextBaseFee);
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
            Prepared p = prepare(raw);
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
        Prepared[] prepared = prepareAll(transactions);
        BlockExecutor ex = executor();
        for (int i = 0; i < prepared.length; i++) {
            Rejection why = prepared[i].rejection();
            if (why == null) {
                Step step = ex.apply(prepared[i].tx());
                why = step.rejection();
            }
            if (why != null) {
                throw new ExecutionException("block " + number + ": transaction " + i + " (" + prepared[i].hash()
                        + ") is invalid: " + why.message());
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
            restored.forEach(this::setAccount);
            setHead(target);
            if (!trie.root().equals(target.stateRoot())) {
                throw new IllegalStateException("rewound accounts give " + trie.root() + ", block " + number
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
        return new BlockExecutor(latest::get, nextBaseFee, config.coinbase(), config.blockGasLimit());
    }

    private Prepared prepare(Bytes raw) {
        Hash32 hash = TxDecoder.hashOf(raw);
        RecoveredTx cached = senders.get(hash);
        return cached != null ? new Prepared(hash, cached, null) : recover(raw, hash);
    }

    private Prepared recover(Bytes raw, Hash32 hash) {
        try {
            DecodedTx tx = decoder.decode(raw);
            TxRules.checkStateless(tx, config.blockGasLimit());
            recoveries.increment();
            return new Prepared(hash, new RecoveredTx(tx, decoder.recover(tx)), null);
        } catch (InvalidTxException e) {
            return new Prepared(hash, null, e.rejection());
        }
    }

    /** Every transaction prepared; those not seen by {@code check} are recovered in parallel if configured. */
    private Prepared[] prepareAll(List<Bytes> raws) {
        Prepared[] out = new Prepared[raws.size()];
        Hash32[] hashes = new Hash32[raws.size()];
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            hashes[i] = TxDecoder.hashOf(raws.get(i));
            RecoveredTx cached = senders.get(hashes[i]);
            if (cached != null) {
                out[i] = new Prepared(hashes[i], cached, null);
            } else {
                misses.add(i);
            }
        }
        IntStream work = misses.stream().mapToInt(Integer::intValue);
        if (config.parallelRecovery() && misses.size() >= PARALLEL_MIN) {
            work = work.parallel();
        }
        work.forEach(i -> out[i] = recover(raws.get(i), hashes[i]));
        return out;
    }

    private BlockExecution commit(long number, long timestampMillis, BlockExecutor ex, List<RejectedTx> rejected,
            Hash32 expectedRoot) throws ExecutionException {
        BlockInfo parent = head;
        Map<Address, Account> changes = ex.changes();
        changes.forEach(trie::put);
        Hash32 root = trie.root();
        if (expectedRoot != null && !expectedRoot.equals(root)) {
            restore(ex.before(), parent);
            throw new ExecutionException("block " + number + ": the transactions give state root " + root
                    + ", the block says " + expectedRoot + "; nothing was applied");
        }
        List<ExecutedTx> executed = ex.executed();
        List<Hash32> hashes = executed.stream().map(e -> e.rtx().tx().hash()).toList();
        Hash32 txRoot = BlockHeaders.transactionsRoot(hashes);
        Hash32 receiptsRoot = BlockHeaders.receiptsRoot(executed);
        Hash32 hash = BlockHeaders.hash(config.chainId(), number, parent.hash(), timestampMillis, config.coinbase(),
                root, txRoot, receiptsRoot, ex.gasUsed(), config.blockGasLimit(), ex.baseFee());
        BlockInfo block = new BlockInfo(number, hash, parent.hash(), timestampMillis, config.coinbase(), root, txRoot,
                receiptsRoot, ex.gasUsed(), config.blockGasLimit(), ex.baseFee(), hashes);
        List<StoredTx> stored = new ArrayList<>(executed.size());
        for (int i = 0; i < executed.size(); i++) {
            ExecutedTx e = executed.get(i);
            stored.add(new StoredTx(e.rtx().tx().raw(), e.rtx().sender(), number, i, 1, e.gasUsed(),
                    e.cumulativeGasUsed(), e.effectiveGasPrice()));
        }
        List<Change> undo = ex.before().entrySet().stream().map(e -> new Change(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Change::address)).toList();
        try {
            store.commitBlock(block, stored, undo, changes, number - config.rewindDepth());
        } catch (StoreException e) {
            restore(ex.before(), parent);
            throw new ExecutionException("block " + number + " could not be stored: " + e.getMessage(), e);
        }
        changes.forEach((a, v) -> {
            if (v.isEmpty()) {
                latest.remove(a);
            } else {
                latest.put(a, v);
            }
        });
        setHead(block);
        senders.removeAll(hashes);
        return new BlockExecution(number, executed.stream().map(e -> e.rtx().tx().raw()).toList(), rejected, root,
                ex.gasUsed(), hash);
    }

    /** Puts the accounts a refused block changed back into the tree. */
    private void restore(Map<Address, Account> before, BlockInfo parent) {
        before.forEach(trie::put);
        if (!trie.root().equals(parent.stateRoot())) {
            throw new IllegalStateException("restoring block " + parent.number() + "'s accounts gave " + trie.root());
        }
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
        return latest.getOrDefault(address, Account.EMPTY);
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

    /** {@code eth_feeHistory}: see {@link FeeHistory}; at most 1,024 blocks. */
    public FeeHistory feeHistory(int blockCount, long newestBlock, List<Double> rewardPercentiles)
            throws StoreException {
        return reads.feeHistory(blockCount, newestBlock, head.number(), config.genesisNumber(), rewardPercentiles);
    }

    /** The root the account tree gives now (equal to {@link #stateRoot()} between blocks). */
    Hash32 treeRoot() {
        return trie.root();
    }

    /** How many signatures this engine has recovered (each costs a secp256k1 recovery). */
    public long recoveries() {
        return recoveries.sum();
    }

    private void setAccount(Address a, Account v) {
        trie.put(a, v);
        if (v.isEmpty()) {
            latest.remove(a);
        } else {
            latest.put(a, v);
        }
    }
}
