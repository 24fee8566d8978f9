package seqpool.sequencer.rpc.testing;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.TransactionType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.BlockTag;
import seqpool.sequencer.rpc.CallRequest;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.FeeHistory;
import seqpool.sequencer.rpc.HeadEvent;
import seqpool.sequencer.rpc.LogFilter;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcHeader;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;
import seqpool.sequencer.rpc.RpcTransaction;

/**
 * An in-memory chain for the RPC tests: accounts with balances and nonces, a mempool that checks signed raw
 * transactions the way a node does (web3j decodes them; nonce, funds, duplicates), {@link #mine()} to make a block
 * of the pending transactions, a contract at {@link #EMITTER} that logs its input, one at {@link #REVERTER} that
 * reverts with {@code Error("nope")}, and hooks to make a method slow or broken.
 */
public final class FakeEthBackend implements EthBackend {
    public static final long CHAIN_ID = 901;
    public static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);
    public static final BigInteger TIP = BigInteger.valueOf(2_000_000_000L);
    public static final long GAS_LIMIT = 30_000_000;
    public static final Address PRODUCER = Address.fromHex("0x00000000000000000000000000000000000000aa");
    public static final Address EMITTER = Address.fromHex("0x00000000000000000000000000000000000000e1");
    public static final Address REVERTER = Address.fromHex("0x00000000000000000000000000000000000000e2");
    public static final Hash32 PING_TOPIC = new Hash32(Bytes.wrap(Hash.sha3("Ping(bytes)".getBytes())));
    /** Error("nope") as Solidity encodes it. */
    public static final Bytes NOPE = Bytes.fromHex("08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6e6f706500000000000000000000000000000000000000000000000000000000");

    private final List<RpcBlock> blocks = new ArrayList<>();
    private final Map<Hash32, RpcReceipt> receipts = new HashMap<>();
    private final Map<Hash32, RpcTransaction> pending = new LinkedHashMap<>();
    private final Map<Address, BigInteger> balances = new HashMap<>();
    private final Map<Address, Long> nonces = new HashMap<>();
    private final Map<Address, Bytes> code = new HashMap<>();
    private final List<Consumer<HeadEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    private OptionalLong safe = OptionalLong.empty();
    private OptionalLong finalized = OptionalLong.empty();

    public FakeEthBackend() {
        blocks.add(block(0, Hash32.ZERO, List.of(), 0));
        code.put(EMITTER, Bytes.fromHex("6001600055"));
    }

    // ---- test controls

    public synchronized void fund(Address a, BigInteger wei) {
        balances.merge(a, wei, BigInteger::add);
    }

    public synchronized void setSafe(long n) {
        safe = OptionalLong.of(n);
    }

    public synchronized void setFinalized(long n) {
        finalized = OptionalLong.of(n);
    }

    /** Calls of {@code method} wait until the returned latch is counted down. */
    public synchronized CountDownLatch hold(String method) {
        CountDownLatch latch = new CountDownLatch(1);
        gates.put(method, latch);
        return latch;
    }

    public synchronized void fail(String method, RuntimeException e) {
        failures.put(method, e);
    }

    /** Makes a block of the pending transactions, tells the subscribers; returns it. */
    public RpcBlock mine() {
        RpcBlock b;
        List<RpcLog> logs = new ArrayList<>();
        synchronized (this) {
            long number = blocks.size();
            RpcBlock parent = blocks.get(blocks.size() - 1);
            List<RpcTransaction> txs = new ArrayList<>(pending.values());
            pending.clear();
            b = block(number, parent.header().hash(), txs, 21_000L * txs.size());
            List<RpcTransaction> included = new ArrayList<>();
            long cumulative = 0;
            int logIndex = 0;
            for (int i = 0; i < txs.size(); i++) {
                RpcTransaction t = txs.get(i);
                RpcTransaction.Inclusion in = new RpcTransaction.Inclusion(b.header().hash(), number,
                        b.header().timestamp(), i);
                BigInteger price = t.type() == 2 ? BASE_FEE.add(t.maxPriorityFeePerGas().min(
                        t.maxFeePerGas().subtract(BASE_FEE))) : t.gasPrice();
                RpcTransaction inc = new RpcTransaction(t.hash(), t.type(), t.nonce(), t.from(), t.to(), t.gas(),
                        t.value(), t.input(), price, t.maxFeePerGas(), t.maxPriorityFeePerGas(), null,
                        t.accessList(), null, t.chainId(), t.v(), t.r(), t.s(), in);
                included.add(inc);
                cumulative += 21_000;
                List<RpcLog> txLogs = new ArrayList<>();
                if (EMITTER.equals(t.to())) {
                    txLogs.add(new RpcLog(EMITTER, List.of(PING_TOPIC, new Hash32(Bytes.wrap(Hash.sha3(
                            t.from().value().toArray())))), t.input(), number, b.header().hash(),
                            b.header().timestamp(), t.hash(), i, logIndex++, false));
                }
                logs.addAll(txLogs);
                receipts.put(t.hash(), new RpcReceipt(t.hash(), i, b.header().hash(), number, t.from(), t.to(),
                        cumulative, 21_000, price, null, txLogs, RpcHeader.EMPTY_BLOOM, t.type(), true));
                balances.merge(t.from(), t.value().add(price.multiply(BigInteger.valueOf(21_000))).negate(),
                        BigInteger::add);
                if (t.to() != null) {
                    balances.merge(t.to(), t.value(), BigInteger::add);
                }
            }
            b = new RpcBlock(b.header(), b.size(), included);
            blocks.add(b);
        }
        HeadEvent e = new HeadEvent(b.header(), logs, false);
        for (Consumer<HeadEvent> l : listeners) {
            l.accept(e);
        }
        return b;
    }

    /** Tells subscribers of a head event with arbitrary content (load and back-pressure tests). */
    public void emit(HeadEvent e) {
        for (Consumer<HeadEvent> l : listeners) {
            l.accept(e);
        }
    }

    public int listenerCount() {
        return listeners.size();
    }

    public static RpcBlock block(long number, Hash32 parent, List<RpcTransaction> txs, long gasUsed) {
        Hash32 hash = new Hash32(Bytes.wrap(Hash.sha3(("block " + number + " " + parent).getBytes())));
        RpcHeader h = new RpcHeader(number, hash, parent, 1_700_000_000L + 2 * number, PRODUCER,
                new Hash32(Bytes.wrap(Hash.sha3(("state " + number).getBytes()))),
                txs.isEmpty() ? RpcHeader.EMPTY_TRIE_ROOT : hash, RpcHeader.EMPTY_TRIE_ROOT, RpcHeader.EMPTY_BLOOM,
                GAS_LIMIT, gasUsed, Bytes.utf8("seqpool"), Hash32.ZERO, RpcHeader.ZERO_NONCE, BASE_FEE, null, null,
                null, null, null);
        return new RpcBlock(h, 600 + 120L * txs.size(), txs);
    }

    private void enter(String method) {
        calls.incrementAndGet();
        CountDownLatch gate;
        RuntimeException failure;
        synchronized (this) {
            gate = gates.get(method);
            failure = failures.get(method);
        }
        if (failure != null) {
            throw failure;
        }
        if (gate != null) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- EthBackend

    @Override
    public long chainId() {
        enter("eth_chainId");
        return CHAIN_ID;
    }

    @Override
    public String clientVersion() {
        return "seqpool/test/java-17";
    }

    @Override
    public synchronized long blockNumber() {
        enter("eth_blockNumber");
        return blocks.size() - 1;
    }

    @Override
    public synchronized OptionalLong resolveBlockNumber(BlockSelector block) {
        long head = blocks.size() - 1;
        if (block instanceof BlockSelector.Tagged t) {
            return switch (t.tag()) {
                case EARLIEST -> OptionalLong.of(0);
                case LATEST, PENDING -> OptionalLong.of(head);
                case SAFE -> safe;
                case FINALIZED -> finalized;
            };
        }
        if (block instanceof BlockSelector.ByNumber n) {
            return n.number() <= head ? OptionalLong.of(n.number()) : OptionalLong.empty();
        }
        Hash32 h = ((BlockSelector.ByHash) block).hash();
        return blocks.stream().filter(b -> b.header().hash().equals(h)).mapToLong(RpcBlock::number).findFirst();
    }

    @Override
    public synchronized Optional<RpcBlock> blockByNumber(long number) {
        return number < blocks.size() ? Optional.of(blocks.get((int) number)) : Optional.empty();
    }

    @Override
    public synchronized Optional<RpcBlock> blockByHash(Hash32 hash) {
        return blocks.stream().filter(b -> b.header().hash().equals(hash)).findFirst();
    }

    @Override
    public synchronized Optional<RpcTransaction> transactionByHash(Hash32 hash) {
        if (pending.containsKey(hash)) {
            return Optional.of(pending.get(hash));
        }
        for (RpcBlock b : blocks) {
            for (RpcTransaction t : b.transactions()) {
                if (t.hash().equals(hash)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<RpcReceipt> receipt(Hash32 transactionHash) {
        return Optional.ofNullable(receipts.get(transactionHash));
    }

    @Override
    public Hash32 sendRawTransaction(Bytes raw) throws EthBackendException {
        enter("eth_sendRawTransaction");
        RawTransaction decoded;
        Address from;
        try {
            decoded = TransactionDecoder.decode(Hex.data(raw));
            if (!(decoded instanceof SignedRawTransaction signed)) {
                throw EthBackendException.txRejected("transaction is not signed");
            }
            from = Address.fromHex(signed.getFrom());
        } catch (SignatureException | RuntimeException e) {
            throw EthBackendException.txRejected("invalid transaction: " + e.getMessage());
        }
        SignedRawTransaction signed = (SignedRawTransaction) decoded;
        Hash32 hash = new Hash32(Bytes.wrap(Hash.sha3(raw.toArray())));
        boolean eip1559 = decoded.getType() == TransactionType.EIP1559;
        BigInteger maxFee = eip1559 ? ((Transaction1559) decoded.getTransaction()).getMaxFeePerGas()
                : decoded.getGasPrice();
        BigInteger tip = eip1559 ? ((Transaction1559) decoded.getTransaction()).getMaxPriorityFeePerGas() : null;
        Long chainId = eip1559 ? Long.valueOf(((Transaction1559) decoded.getTransaction()).getChainId())
                : signed.getChainId();
        if (chainId != null && chainId != CHAIN_ID) {
            throw EthBackendException.txRejected("invalid chain id");
        }
        synchronized (this) {
            if (pending.containsKey(hash) || receipts.containsKey(hash)) {
                throw EthBackendException.txRejected("already known");
            }
            long nonce = decoded.getNonce().longValueExact();
            long expected = nonces.getOrDefault(from, 0L);
            if (nonce < expected) {
                throw EthBackendException.txRejected("nonce too low: next nonce " + expected + ", tx nonce " + nonce);
            }
            BigInteger cost = decoded.getValue().add(maxFee.multiply(decoded.getGasLimit()));
            if (balances.getOrDefault(from, BigInteger.ZERO).compareTo(cost) < 0) {
                throw EthBackendException.txRejected("insufficient funds for gas * price + value");
            }
            byte[] v = signed.getSignatureData().getV();
            BigInteger vv = new BigInteger(1, v);
            if (eip1559 && vv.intValue() >= 27) {
                vv = vv.subtract(BigInteger.valueOf(27));
            }
            String to = decoded.getTo();
            pending.put(hash, new RpcTransaction(hash, eip1559 ? 2 : 0, nonce, from,
                    to == null || to.isEmpty() || to.equals("0x") ? null : Address.fromHex(to),
                    decoded.getGasLimit().longValueExact(), decoded.getValue(), Bytes.fromHex(decoded.getData()),
                    maxFee, eip1559 ? maxFee : null, tip, null, eip1559 ? List.of() : null, null, chainId, vv,
                    new BigInteger(1, signed.getSignatureData().getR()),
                    new BigInteger(1, signed.getSignatureData().getS()), null));
            nonces.put(from, nonce + 1);
        }
        return hash;
    }

    @Override
    public synchronized BigInteger balance(Address account, BlockSelector block) throws EthBackendException {
        enter("eth_getBalance");
        requireKnown(block);
        return balances.getOrDefault(account, BigInteger.ZERO);
    }

    @Override
    public synchronized long transactionCount(Address account, BlockSelector block) throws EthBackendException {
        requireKnown(block);
        long n = nonces.getOrDefault(account, 0L);
        if (block.equals(BlockSelector.PENDING)) {
            return n;
        }
        return n - pending.values().stream().filter(t -> t.from().equals(account)).count();
    }

    @Override
    public synchronized Bytes code(Address account, BlockSelector block) throws EthBackendException {
        requireKnown(block);
        return code.getOrDefault(account, Bytes.EMPTY);
    }

    @Override
    public Bytes storageAt(Address account, Bytes slot, BlockSelector block) throws EthBackendException {
        requireKnown(block);
        byte[] word = new byte[32];
        word[31] = slot.get(31);
        return Bytes.wrap(word);
    }

    @Override
    public Bytes call(CallRequest call, BlockSelector block) throws EthBackendException {
        enter("eth_call");
        requireKnown(block);
        if (REVERTER.equals(call.to())) {
            throw EthBackendException.reverted(NOPE);
        }
        return call.input() == null ? Bytes.EMPTY : call.input();
    }

    @Override
    public long estimateGas(CallRequest call, BlockSelector block) throws EthBackendException {
        requireKnown(block);
        if (REVERTER.equals(call.to())) {
            throw EthBackendException.reverted(NOPE);
        }
        return call.input() == null || call.input().size() == 0 ? 21_000 : 50_000;
    }

    @Override
    public BigInteger gasPrice() {
        return BASE_FEE.add(TIP);
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
        return TIP;
    }

    @Override
    public synchronized FeeHistory feeHistory(long oldestBlock, long newestBlock, List<Double> rewardPercentiles) {
        List<BigInteger> fees = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<List<BigInteger>> rewards = new ArrayList<>();
        for (long n = oldestBlock; n <= newestBlock; n++) {
            RpcHeader h = blocks.get((int) n).header();
            fees.add(h.baseFeePerGas());
            ratios.add((double) h.gasUsed() / h.gasLimit());
            rewards.add(rewardPercentiles.stream().map(p -> TIP).toList());
        }
        fees.add(BASE_FEE);
        return new FeeHistory(oldestBlock, fees, ratios, rewardPercentiles.isEmpty() ? null : rewards);
    }

    @Override
    public synchronized List<RpcLog> logs(LogFilter filter, int limit) {
        List<RpcLog> out = new ArrayList<>();
        for (long n = filter.fromBlock(); n <= filter.toBlock() && n < blocks.size(); n++) {
            RpcBlock b = blocks.get((int) n);
            if (filter.blockHash() != null && !filter.blockHash().equals(b.header().hash())) {
                continue;
            }
            for (RpcTransaction t : b.transactions()) {
                for (RpcLog l : receipts.get(t.hash()).logs()) {
                    if (filter.criteria().matches(l)) {
                        out.add(l);
                        if (out.size() >= limit) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public AutoCloseable subscribeHeads(Consumer<HeadEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void requireKnown(BlockSelector block) throws EthBackendException {
        if (block instanceof BlockSelector.Tagged t && t.tag() == BlockTag.PENDING) {
            return;
        }
        if (resolveBlockNumber(block).isEmpty()) {
            throw EthBackendException.blockNotFound(block);
        }
    }

    /** 0x-hex of bytes. */
    static final class Hex {
        static String data(Bytes b) {
            return "0x" + b.toHex();
        }
    }
}
