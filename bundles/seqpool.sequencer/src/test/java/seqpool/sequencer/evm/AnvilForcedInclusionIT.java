package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.SINK;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.stranger;
import static seqpool.sequencer.evm.EvmFixtures.transfer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.chain.Fault;
import seqpool.sequencer.chain.ForcedSource;
import seqpool.sequencer.mempool.PoolLimits;
import seqpool.sequencer.mempool.TxPool;
import seqpool.sequencer.node.Execution;
import seqpool.sequencer.node.NodeSettings;
import seqpool.sequencer.node.SequencerEffect;
import seqpool.sequencer.node.SequencerNode;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Forced inclusion with the EVM engine: each node's own anvil. Messages that anvil refuses (undecodable, no funds) or
 * would only queue (a nonce gap) are consumed without effect by the producer, and a follower's re-execution of each of
 * them at its turn agrees; a producer that skips an executable message is refused, and the probe leaves the
 * follower's anvil on the parent block.
 */
class AnvilForcedInclusionIT {
    static final NodeSettings SETTINGS = new NodeSettings(new ChainParams(EvmFixtures.CHAIN_ID, 1,
            ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS), BodyRule.EXECUTED, 64, 16, 2_000, WireLimits.DEFAULT);
    final LocalNodeSigner n1 = Keys.node(1);
    final ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 1_000, n1.address())).enableForced(5);
    final ForcedSource real = ForcedSource.of(pos);

    static SequencerNode node(LocalNodeSigner key, AnvilEngine engine, ScriptedPos pos, ForcedSource forced)
            throws Exception {
        Execution x = new Execution(engine, new TxPool(PoolLimits.DEFAULT, engine::check, a -> 0), 100);
        return SequencerNode.open(SETTINGS, key.address(), L2BlockStore.open(new InMemoryKeyValueStore()),
                pos::assignmentFor, forced, x);
    }

    static L2Block produce(SequencerNode node, LocalNodeSigner key, long n) throws Exception {
        long now = EvmFixtures.ts(n);
        for (SequencerEffect e : node.onTick(now)) {
            if (e instanceof SequencerEffect.SignBlock s) {
                for (SequencerEffect f : node.onSigned(s.block(), key.sign(s.block().hash()), now)) {
                    if (f instanceof SequencerEffect.HeadAdvanced h) {
                        return h.block();
                    }
                }
            }
        }
        throw new AssertionError("no block " + n);
    }

    static List<SequencerEffect> receive(SequencerNode node, L2Block b) throws Exception {
        return node.onMessage(b.producer(), new NewBlock(b), EvmFixtures.ts(b.number()));
    }

    @Test
    void refusedQueuedAndValidMessagesAreConsumedAlikeOnTwoAnvils() throws Exception {
        try (AnvilEngine a = EvmFixtures.start("forced-a"); AnvilEngine b = EvmFixtures.start("forced-b");
                AnvilEngine c = EvmFixtures.start("forced-c")) {
            SequencerNode producer = node(n1, a, pos, real);
            SequencerNode follower = node(Keys.node(2), b, pos, real);
            Bytes undecodable = Bytes.of((byte) 0x02, (byte) 0x01);
            Bytes gap = transfer(dev(2), 3, SINK, BigInteger.ONE); // anvil would queue it: not executable now
            Bytes valid = transfer(dev(3), 0, SINK, BigInteger.TWO);
            Bytes broke = transfer(stranger(1), 0, SINK, BigInteger.ONE);
            for (Bytes tx : List.of(undecodable, gap, valid, broke)) {
                pos.enqueueForced(tx);
            }
            L2Block b1 = produce(producer, n1, 1);
            assertEquals(List.of(valid), b1.transactions());
            assertEquals(4, b1.forcedCursor());
            List<SequencerEffect> got = receive(follower, b1);
            assertTrue(got.stream().anyMatch(SequencerEffect.HeadAdvanced.class::isInstance), got.toString());
            assertEquals(a.stateRoot(), b.stateRoot());
            assertEquals(a.headHash(), b.headHash(), "the same anvil block on both nodes");
            pos.commitL2Head(1, 4);

            // a producer whose view turns message 4 into garbage skips it; the follower re-executes it and refuses
            ForcedSource lying = from -> real.queue(from).map(q -> new ForcedQueue(q.inclusionBlocks(),
                    q.committedL2Head(), q.length(), q.includedCount(), new ArrayList<>(q.messages().stream()
                            .map(m -> m.index() < 4 ? m : new ForcedMessage(m.index(), m.l1Block(), m.l1TxHash(),
                                    undecodable, m.dueL2Block(), m.included())).toList())));
            SequencerNode liar = node(n1, c, pos, lying);
            receive(liar, b1);
            Bytes next = transfer(dev(4), 0, SINK, BigInteger.TEN);
            pos.enqueueForced(next);
            L2Block skipping = produce(liar, n1, 2);
            assertEquals(List.of(), skipping.transactions());
            List<SequencerEffect> refused = receive(follower, skipping);
            assertEquals(List.of(Fault.FORCED_SKIP_UNJUSTIFIED), refused.stream()
                    .filter(SequencerEffect.Penalize.class::isInstance).map(e -> ((SequencerEffect.Penalize) e).fault())
                    .toList());
            assertEquals(1, b.headNumber(), "the follower's anvil is back on block 1");
            assertEquals(a.headHash(), b.headHash());

            L2Block honest = produce(producer, n1, 2);
            assertEquals(List.of(next), honest.transactions());
            assertTrue(receive(follower, honest).stream().anyMatch(SequencerEffect.HeadAdvanced.class::isInstance));
            assertEquals(a.stateRoot(), b.stateRoot());
        }
    }
}
