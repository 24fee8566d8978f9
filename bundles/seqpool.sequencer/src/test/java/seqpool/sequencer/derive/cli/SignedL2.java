package seqpool.sequencer.derive.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BlockHashes;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.testing.L2Txs;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * An L2 chain made the way a producer makes it: transfers between anvil's dev accounts executed by an engine (the
 * embedded one, or anvil) from the pool's genesis, each block signed by its producer. Remembers each block's engine
 * hash and state root (what a node's JSON-RPC shows). Test-only.
 */
final class SignedL2 {
    static final long CHAIN_ID = L2Txs.CHAIN;
    private final ExecutionEngine engine;
    private final List<L2Block> blocks = new ArrayList<>();
    private final Map<Long, Hash32> engineHashes = new HashMap<>();
    private final long[] nonces = new long[L2Txs.DEV.size()];
    private Hash32 parent = Hash32.ZERO;

    /** On the embedded engine with the pool's genesis. */
    SignedL2() throws Exception {
        this(EmbeddedEngine.open(new InMemoryKeyValueStore(), EmbeddedConfig.pool(CHAIN_ID, 1)));
    }

    /** On {@code engine}, fresh from the pool's genesis with first block 1. */
    SignedL2(ExecutionEngine engine) {
        this.engine = engine;
    }

    /** Block {@code number()+1} of {@code epoch} with {@code txs} transfers, signed by {@code producer}. */
    L2Block next(LocalNodeSigner producer, long epoch, int txs) throws Exception {
        long n = blocks.size() + 1;
        List<Bytes> candidates = new ArrayList<>();
        for (int i = 0; i < txs; i++) {
            int from = (int) ((n + i) % nonces.length);
            int to = (from + 1 + i) % nonces.length;
            candidates.add(L2Txs.transfer(L2Txs.DEV.get(from), nonces[from]++,
                    L2Txs.address(L2Txs.DEV.get(to)), 1_000_000L * n + i));
        }
        long ts = 1_700_000_000_000L + 1000 * n;
        BlockExecution x = engine.produce(n, ts, candidates);
        if (x.included().size() != txs) {
            throw new IllegalStateException("block " + n + " left out " + x.rejected());
        }
        L2Block b = sign(producer, n, epoch, ts, x.included(), x.stateRoot());
        blocks.add(b);
        engineHashes.put(n, x.engineBlockHash());
        parent = b.hash();
        return b;
    }

    /** A block that follows the chain but claims {@code stateRoot} (not executed; the chain stays before it). */
    L2Block forged(LocalNodeSigner producer, long epoch, Hash32 stateRoot) {
        long n = blocks.size() + 1;
        L2Block b = sign(producer, n, epoch, 1_700_000_000_000L + 1000 * n, List.of(), stateRoot);
        blocks.add(b);
        parent = b.hash();
        return b;
    }

    private L2Block sign(LocalNodeSigner producer, long n, long epoch, long ts, List<Bytes> txs, Hash32 root) {
        Hash32 hash = BlockHashes.headerHash(CHAIN_ID, n, parent, epoch, producer.address(), ts, txs, root);
        return new L2Block(n, hash, parent, epoch, producer.address(), ts, txs, root, producer.sign(hash));
    }

    List<L2Block> range(long first, long last) {
        return List.copyOf(blocks.subList((int) first - 1, (int) last));
    }

    Hash32 engineHash(long n) {
        return engineHashes.get(n);
    }

    Hash32 stateRoot(long n) {
        return blocks.get((int) n - 1).stateRoot();
    }
}
