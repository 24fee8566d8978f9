package seqpool.sequencer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.embedded.DevAccounts;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.mempool.PoolLimits;
import seqpool.sequencer.mempool.TxPool;
import seqpool.sequencer.node.Execution;
import seqpool.sequencer.node.NodeSettings;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.L2Txs;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.testing.TestHub;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Three hosts with embedded engines on the in-memory network, 100 ms blocks, N = 10, the pool's committed L2 head
 * following the producer's chain (as the PoS application's progress transactions make it): messages enqueued while the
 * chain runs are consumed within N blocks on every node, the executable one executed, the garbage one skipped, with
 * the same blocks everywhere and nobody penalised.
 */
class ForcedInclusionNetworkTest {
    static final long N = 10;
    final TestHub hub = new TestHub();
    final List<SequencerHost> hosts = new ArrayList<>();
    final ScriptedPos pos = new ScriptedPos().enableForced(N);

    SequencerHost start(LocalNodeSigner key) throws StoreException {
        InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        EmbeddedEngine engine = EmbeddedEngine.open(kv, EmbeddedConfig.of(Blocks.CHAIN_ID, DevAccounts.genesis()));
        Execution execution = new Execution(engine, new TxPool(PoolLimits.DEFAULT, engine::check,
                a -> engine.account(a).nonce()), 1_000);
        NodeSettings node = new NodeSettings(new ChainParams(Blocks.CHAIN_ID, 1, ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS),
                BodyRule.EXECUTED, 256, 64, 400, WireLimits.DEFAULT);
        SequencerHost h = new SequencerHost(new HostSettings(node, 100, 200, HostSettings.MAX_QUEUED_MESSAGES),
                hub.join(key.address()), kv, key, pos, System::currentTimeMillis, execution);
        hosts.add(h);
        return h;
    }

    @AfterEach
    void stop() {
        hosts.forEach(SequencerHost::close);
        hub.close();
    }

    @Test
    void enqueuedMessagesAreConsumedWithinNBlocksOnEveryNode() throws Exception {
        LocalNodeSigner n1 = Keys.node(1);
        pos.commit(ScriptedPos.assign(1, 0, 1, 10_000, n1.address()));
        SequencerHost producer = start(n1);
        SequencerHost f2 = start(Keys.node(2));
        SequencerHost f3 = start(Keys.node(3));
        producer.subscribe(b -> pos.commitL2Head(Math.max(0, b.number() - 2), b.forcedCursor())); // progress lags 2
        hosts.forEach(SequencerHost::start);
        Cluster.await("block 5", 10_000, () -> producer.headNumber() >= 5);

        Bytes valid = L2Txs.transfer(L2Txs.DEV.get(5), 0, Address.fromHex("0x" + "cd".repeat(20)), 7);
        Bytes garbage = Bytes.of((byte) 0x7f, (byte) 0x00);
        pos.enqueueForced(valid);
        pos.enqueueForced(garbage);
        List<ForcedMessage> committed = pos.forcedMessages(0).messages();
        long due = committed.get(1).dueL2Block();

        Cluster.await("every node consumed both messages", 10_000, () -> hosts.stream().allMatch(h ->
                h.block(h.headNumber()).map(b -> b.forcedCursor() == 2).orElse(false)));
        L2Block consuming = null;
        for (long n = 1; n <= producer.headNumber() && consuming == null; n++) {
            L2Block b = producer.block(n).orElseThrow();
            if (b.forcedCursor() == 2) {
                consuming = b;
            }
        }
        assertTrue(consuming.number() <= due, "consumed at " + consuming.number() + ", due at " + due);
        assertEquals(valid, consuming.transactions().get(0), "the executable message first");
        assertTrue(!consuming.transactions().contains(garbage));
        long top = hosts.stream().mapToLong(SequencerHost::headNumber).min().orElseThrow();
        for (long n = 1; n <= top; n++) {
            final long k = n;
            assertEquals(1, hosts.stream().map(h -> h.block(k).orElseThrow().hash()).distinct().count(),
                    "one block " + n + " on every node");
        }
        assertEquals(List.of(), hub.penalties());
        assertTrue(f2.execution().orElseThrow().halted().isEmpty() && f3.execution().orElseThrow().halted().isEmpty());
    }
}
