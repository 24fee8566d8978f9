package seqpool.bridge.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.BlockHeader;
import seqpool.bridge.follow.BlockRange;
import seqpool.bridge.follow.L1Chain;
import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.follow.RawLog;

/**
 * An in-memory L1 for unit tests: a canonical chain of blocks with logs, which tests grow ({@link #mine}), reorganise
 * ({@link #reorg}), take down ({@link #down}) or make fail a number of calls. Hooks run before each call
 * ({@link #onCall}) so a test can change the chain between two calls of one step, and a log filter rewrites
 * {@code eth_getLogs} answers (duplicates, wrong hashes). Thread-safe (synchronized).
 */
public final class FakeL1Chain implements L1Chain {
    /** One log to put in a mined block. */
    public record LogSpec(Address contract, List<Hash32> topics, Bytes data) {
    }

    private record Block(BlockHeader header, List<RawLog> logs) {
    }

    private final long chainId;
    private final List<Block> blocks = new ArrayList<>();
    private final List<BlockRange> logRequests = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private long salt;
    private boolean down;
    private int failures;
    private Consumer<String> onCall = method -> { };
    private UnaryOperator<List<RawLog>> logFilter = logs -> logs;

    public FakeL1Chain(long chainId) {
        this.chainId = chainId;
        blocks.add(block(0, Hash32.ZERO, List.of()));
    }

    public static LogSpec log(Address contract, Hash32 topic0, Hash32... indexed) {
        List<Hash32> topics = new ArrayList<>();
        topics.add(topic0);
        topics.addAll(List.of(indexed));
        return new LogSpec(contract, topics, Bytes.utf8("data"));
    }

    /** Mines one block holding the logs; returns its number. */
    public synchronized long mine(LogSpec... logs) {
        Block parent = blocks.get(blocks.size() - 1);
        blocks.add(block(blocks.size(), parent.header().hash(), List.of(logs)));
        return blocks.size() - 1;
    }

    public synchronized void mineEmpty(int n) {
        for (int i = 0; i < n; i++) {
            mine();
        }
    }

    /** Drops the newest {@code depth} blocks and mines {@code newBlocks} empty ones in their place (other hashes). */
    public synchronized void reorg(int depth, int newBlocks) {
        for (int i = 0; i < depth; i++) {
            blocks.remove(blocks.size() - 1);
        }
        salt++;
        mineEmpty(newBlocks);
    }

    public synchronized long head() {
        return blocks.size() - 1;
    }

    public synchronized Hash32 hashOf(long number) {
        return blocks.get((int) number).header().hash();
    }

    /** Every log of the canonical chain, in L1 order. */
    public synchronized List<RawLog> canonicalLogs() {
        return blocks.stream().flatMap(b -> b.logs().stream()).toList();
    }

    public synchronized void down(boolean down) {
        this.down = down;
    }

    /** The next {@code n} calls fail. */
    public synchronized void failNext(int n) {
        failures = n;
    }

    public synchronized void onCall(Consumer<String> hook) {
        this.onCall = hook;
    }

    public synchronized void logFilter(UnaryOperator<List<RawLog>> filter) {
        this.logFilter = filter;
    }

    public synchronized List<BlockRange> logRequests() {
        return List.copyOf(logRequests);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized long chainId() throws L1Exception {
        enter("eth_chainId");
        return chainId;
    }

    @Override
    public synchronized long headNumber() throws L1Exception {
        enter("eth_blockNumber");
        return head();
    }

    @Override
    public synchronized BlockHeader header(long number) throws L1Exception {
        enter("eth_getBlockByNumber " + number);
        if (number > head()) {
            throw new L1Exception("eth_getBlockByNumber " + number + ": no such block");
        }
        return blocks.get((int) number).header();
    }

    @Override
    public synchronized List<RawLog> logs(BlockRange range, List<Address> contracts) throws L1Exception {
        enter("eth_getLogs " + range);
        logRequests.add(range);
        List<RawLog> out = new ArrayList<>();
        for (long n = range.from(); n <= Math.min(range.to(), head()); n++) {
            for (RawLog l : blocks.get((int) n).logs()) {
                if (contracts.contains(l.contract())) {
                    out.add(l);
                }
            }
        }
        return logFilter.apply(out);
    }

    private void enter(String method) throws L1Exception {
        calls.add(method);
        onCall.accept(method);
        if (down) {
            throw new L1Exception(method + ": ConnectException: Connection refused");
        }
        if (failures > 0) {
            failures--;
            throw new L1Exception(method + ": SocketTimeoutException: timeout");
        }
    }

    private Block block(long number, Hash32 parent, List<LogSpec> specs) {
        Hash32 hash = sha256(ByteBuffer.allocate(32 + 8 + 8 + 4).put(parent.value().toArray()).putLong(number)
                .putLong(salt).putInt(specs.size()).array());
        List<RawLog> logs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LogSpec s = specs.get(i);
            Hash32 tx = sha256(("tx " + hash + " " + i).getBytes(StandardCharsets.UTF_8));
            logs.add(new RawLog(number, hash, tx, i, s.contract(), s.topics(), s.data(), false));
        }
        return new Block(new BlockHeader(number, hash, parent), List.copyOf(logs));
    }

    public static Hash32 sha256(byte[] input) {
        try {
            return new Hash32(Bytes.wrap(MessageDigest.getInstance("SHA-256").digest(input)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Hash32 topic(String name) {
        return sha256(name.getBytes(StandardCharsets.UTF_8));
    }
}
