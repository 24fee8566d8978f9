package seqpool.sequencer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.sequencer.SubmitResult;
import seqpool.sequencer.rpc.BlockSelector;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.EthBackendException;
import seqpool.sequencer.rpc.HeadEvent;
import seqpool.sequencer.rpc.LogCriteria;
import seqpool.sequencer.rpc.LogFilter;
import seqpool.sequencer.rpc.RpcBlock;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.RpcReceipt;

/**
 * What both backends share: the chain id, the head (the node's L2 head, which the engine has executed), tags
 * ({@code latest}/{@code pending} = head, {@code earliest} = the first block; {@code safe} and {@code finalized} name
 * no block until batches are posted to L1), submissions into the node's mempool (forwarded to the producer), and head
 * notifications with the block's logs.
 */
public abstract class BackendBase implements EthBackend {
    /** Where transactions go: the node's mempool, which forwards them to the producer. */
    @FunctionalInterface
    public interface Submitter {
        SubmitResult submit(Bytes raw);
    }

    private final long chainId;
    private final L2Chain chain;
    private final Submitter submitter;
    private final long firstBlock;
    private java.util.function.ToLongFunction<seqpool.api.common.Address> pendingNonce = a -> 0;

    BackendBase(long chainId, L2Chain chain, Submitter submitter, long firstBlock) {
        this.chainId = chainId;
        this.chain = chain;
        this.submitter = submitter;
        this.firstBlock = firstBlock;
    }

    /** Where {@code pending} nonces come from: the mempool's next nonce for the sender. */
    public BackendBase withPendingNonces(java.util.function.ToLongFunction<seqpool.api.common.Address> nonces) {
        this.pendingNonce = nonces;
        return this;
    }

    /** The pending nonce when the selector is {@code pending} (the mempool counts), else {@code stateNonce}. */
    long nonce(seqpool.api.common.Address a, BlockSelector block, long stateNonce) {
        boolean pending = block instanceof BlockSelector.Tagged t && t.tag() == seqpool.sequencer.rpc.BlockTag.PENDING;
        return pending ? Math.max(stateNonce, pendingNonce.applyAsLong(a)) : stateNonce;
    }

    /** The newest block the engine executed and the chain stored. */
    abstract long executedHead();

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public String clientVersion() {
        return "seqpool/1.0.0/java-" + Runtime.version().feature();
    }

    @Override
    public long blockNumber() {
        return Math.min(chain.headNumber(), executedHead());
    }

    @Override
    public OptionalLong resolveBlockNumber(BlockSelector block) {
        long head = blockNumber();
        if (block instanceof BlockSelector.Tagged t) {
            return switch (t.tag()) {
                case LATEST, PENDING -> OptionalLong.of(head);
                case EARLIEST -> OptionalLong.of(Math.min(firstBlock - 1, head));
                case SAFE, FINALIZED -> OptionalLong.empty(); // no batch on L1 yet (the submitter comes later)
            };
        }
        if (block instanceof BlockSelector.ByNumber n) {
            return n.number() <= head ? OptionalLong.of(n.number()) : OptionalLong.empty();
        }
        Hash32 hash = ((BlockSelector.ByHash) block).hash();
        return blockByHash(hash).map(b -> OptionalLong.of(b.number())).orElse(OptionalLong.empty());
    }

    /** The number a state query reads at, or -32000 {@code header not found}. */
    long require(BlockSelector block) throws EthBackendException {
        OptionalLong n = resolveBlockNumber(block);
        if (n.isEmpty()) {
            throw EthBackendException.blockNotFound(block);
        }
        return n.getAsLong();
    }

    @Override
    public Hash32 sendRawTransaction(Bytes raw) throws EthBackendException {
        SubmitResult r = submitter.submit(raw);
        if (r instanceof SubmitResult.Accepted a) {
            return a.hash();
        }
        throw EthBackendException.txRejected(((SubmitResult.Rejected) r).reason());
    }

    @Override
    public AutoCloseable subscribeHeads(Consumer<HeadEvent> listener) {
        return chain.subscribe(b -> blockByNumber(b.number()).ifPresent(block -> listener.accept(
                new HeadEvent(block.header(), logsOf(block), false))));
    }

    /** The logs of a block's receipts, in order. */
    List<RpcLog> logsOf(RpcBlock block) {
        List<RpcLog> out = new ArrayList<>();
        for (var tx : block.transactions()) {
            receipt(tx.hash()).map(RpcReceipt::logs).ifPresent(out::addAll);
        }
        return out;
    }

    /** Logs by walking the blocks of the range (fine for the engines' sizes; the server bounds the range). */
    List<RpcLog> logsByWalk(LogFilter filter, int limit) {
        List<RpcLog> out = new ArrayList<>();
        LogCriteria c = filter.criteria();
        for (long n = filter.fromBlock(); n <= filter.toBlock() && out.size() < limit; n++) {
            var block = blockByNumber(n);
            if (block.isEmpty()) {
                continue;
            }
            for (RpcLog l : logsOf(block.get())) {
                if (c.matches(l) && out.size() < limit) {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
