package seqpool.sequencer.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.SubmitResult;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.chain.Fault;
import seqpool.sequencer.chain.ForcedSource;
import seqpool.sequencer.embedded.DevAccounts;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.mempool.PoolLimits;
import seqpool.sequencer.mempool.TxPool;
import seqpool.sequencer.node.SequencerEffect.HeadAdvanced;
import seqpool.sequencer.node.SequencerEffect.Penalize;
import seqpool.sequencer.node.SequencerEffect.SignBlock;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.L2Txs;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Forced inclusion on the deterministic node with the embedded engine: the producer puts the committed messages first
 * in its next block, followers reject a block that leaves a due message out, a message that is not executable at its
 * turn is consumed the same way on every node (and a skip of an executable one is refused), a lagging PoS view holds
 * blocks without blame, the producer waits while the pool's committed head is N blocks behind, and the cursor
 * survives a restart. N = 5; the test is the clock, the signer's host and the network.
 */
class ForcedInclusionNodeTest {
    static final LocalNodeSigner N1 = Keys.node(1);
    static final LocalNodeSigner N2 = Keys.node(2);
    static final LocalNodeSigner N3 = Keys.node(3);
    static final long N = 5;
    static final Address SINK = Address.fromHex("0x" + "ab".repeat(20));
    static final NodeSettings EXECUTED = new NodeSettings(
            new ChainParams(Blocks.CHAIN_ID, 1, ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS), BodyRule.EXECUTED, 64, 16,
            2_000, WireLimits.DEFAULT);
    static final NodeSettings EMPTY = new NodeSettings(
            new ChainParams(Blocks.CHAIN_ID, 1, ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS), BodyRule.EMPTY_BLOCKS, 64, 16,
            2_000, WireLimits.DEFAULT);

    final ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 1_000, N1.address()))
            .enableForced(N);
    final ForcedSource real = ForcedSource.of(pos);
    long clock = 10_000;

    /** One node: its store, its own embedded engine (or none), mempool and sequencer node. */
    final class Node {
        final LocalNodeSigner key;
        final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        final boolean executes;
        EmbeddedEngine engine;
        Execution execution;
        SequencerNode node;

        Node(LocalNodeSigner key, ScriptedPos view, ForcedSource forced, boolean executes) throws StoreException {
            this.key = key;
            this.executes = executes;
            open(view, forced);
        }

        Node(LocalNodeSigner key, ForcedSource forced) throws StoreException {
            this(key, pos, forced, true);
        }

        void open(ScriptedPos view, ForcedSource forced) throws StoreException {
            if (!executes) {
                node = SequencerNode.open(EMPTY, key.address(), L2BlockStore.open(kv), view::assignmentFor, forced);
                return;
            }
            engine = EmbeddedEngine.open(kv, EmbeddedConfig.of(Blocks.CHAIN_ID, DevAccounts.genesis()));
            TxPool pool = new TxPool(PoolLimits.DEFAULT, engine::check, a -> engine.account(a).nonce());
            execution = new Execution(engine, pool, 1_000);
            node = SequencerNode.open(EXECUTED, key.address(), L2BlockStore.open(kv), view::assignmentFor, forced,
                    execution);
        }

        /** One block-time tick, signing what the node asks to sign; the block it stored, if any. */
        Optional<L2Block> tick() throws StoreException {
            clock += 1_000;
            List<SequencerEffect> out = new ArrayList<>();
            for (SequencerEffect e : node.onTick(clock)) {
                out.add(e);
                if (e instanceof SignBlock s) {
                    out.addAll(node.onSigned(s.block(), key.sign(s.block().hash()), clock));
                }
            }
            return out.stream().filter(HeadAdvanced.class::isInstance).map(e -> ((HeadAdvanced) e).block())
                    .reduce((a, b) -> b);
        }

        L2Block produce() throws StoreException {
            return tick().orElseThrow(() -> new AssertionError(key.address() + " produced nothing at head "
                    + node.head().number()));
        }

        List<SequencerEffect> receive(L2Block b) throws StoreException {
            return node.onMessage(b.producer(), new NewBlock(b), clock);
        }

        long head() {
            return node.head().number();
        }
    }

    static List<Fault> penalties(List<SequencerEffect> effects) {
        return effects.stream().filter(Penalize.class::isInstance).map(e -> ((Penalize) e).fault()).toList();
    }

    static boolean advanced(List<SequencerEffect> effects) {
        return effects.stream().anyMatch(HeadAdvanced.class::isInstance);
    }

    /** The pool commits the producer's progress, as the PoS application does from its L2 progress transactions. */
    void progress(L2Block b) {
        pos.commitL2Head(b.number(), b.forcedCursor());
    }

    @Test
    void theProducerPutsTheCommittedMessageFirstInItsNextBlockAndFollowersAgree() throws StoreException {
        Node producer = new Node(N1, real);
        Node follower = new Node(N2, real);
        Bytes forced = L2Txs.transfer(L2Txs.DEV.get(0), 0, SINK, 1_000);
        Bytes pooled = L2Txs.transfer(L2Txs.DEV.get(1), 0, SINK, 2_000);
        assertTrue(producer.execution.pool().submit(pooled) instanceof SubmitResult.Accepted);
        assertEquals(0, pos.enqueueForced(forced)); // committed at L2 head 0: due at block 5

        L2Block b1 = producer.produce();
        assertEquals(List.of(forced, pooled), b1.transactions(), "the forced message first, then the mempool");
        assertEquals(1, b1.forcedCursor());
        assertTrue(advanced(follower.receive(b1)));
        assertEquals(producer.engine.stateRoot(), follower.engine.stateRoot());
        assertEquals(1, follower.engine.account(L2Txs.address(L2Txs.DEV.get(0))).nonce(), "executed on the follower");
        progress(b1);
        assertEquals(List.of(true), pos.forcedMessages(0).messages().stream().map(ForcedMessage::included).toList());

        L2Block b2 = producer.produce();
        assertEquals(1, b2.forcedCursor(), "nothing more to consume");
        assertEquals(List.of(), b2.transactions());
        assertTrue(advanced(follower.receive(b2)));
    }

    /** The "Done when": a block that skips a due message is rejected. */
    @Test
    void aBlockThatSkipsADueMessageIsRejectedByFollowers() throws StoreException {
        ForcedSource blind = from -> real.queue(from).map(q -> new ForcedQueue(q.inclusionBlocks(),
                q.committedL2Head(), 0, 0, List.of())); // a censoring producer: it never sees the queue
        Node censor = new Node(N1, blind);
        Node follower = new Node(N2, real);
        for (int i = 1; i <= 3; i++) {
            L2Block b = censor.produce();
            assertTrue(advanced(follower.receive(b)));
            progress(b);
        }
        pos.enqueueForced(L2Txs.transfer(L2Txs.DEV.get(0), 0, SINK, 1_000)); // committed at head 3: due at 8
        for (int i = 4; i <= 7; i++) {
            L2Block b = censor.produce();
            assertEquals(0, b.forcedCursor());
            assertTrue(advanced(follower.receive(b)), "block " + i + ": the message is not due yet");
            progress(b);
        }
        L2Block b8 = censor.produce();
        List<SequencerEffect> verdict = follower.receive(b8);
        assertEquals(List.of(Fault.FORCED_MESSAGE_SKIPPED), penalties(verdict));
        assertEquals(7, follower.head(), "block 8 is not stored");
        assertEquals(7, follower.engine.headNumber(), "nor executed");
        assertEquals(0, follower.node.heldBlocks());

        // an honest producer with the same assignment makes block 8 with the message, and it is accepted
        Node honest = new Node(N1, real);
        for (long n = 1; n <= 7; n++) {
            assertTrue(advanced(honest.receive(blockOf(follower, n))));
        }
        L2Block good = honest.produce();
        assertEquals(8, good.number());
        assertEquals(1, good.forcedCursor());
        assertTrue(advanced(follower.receive(good)));
    }

    static L2Block blockOf(Node n, long number) throws StoreException {
        return L2BlockStore.open(n.kv).block(number).orElseThrow();
    }

    @Test
    void aMessageThatCannotExecuteIsConsumedTheSameWayOnEveryNode() throws StoreException {
        Node producer = new Node(N1, real);
        Node f2 = new Node(N2, real);
        Node f3 = new Node(N3, real);
        Bytes undecodable = Bytes.of((byte) 0x02, (byte) 0xc0, (byte) 0x01);
        Bytes badNonce = L2Txs.transfer(L2Txs.DEV.get(2), 7, SINK, 1);
        Bytes valid = L2Txs.transfer(L2Txs.DEV.get(3), 0, SINK, 3);
        Bytes noFunds = L2Txs.transfer(L2Txs.pauper(), 0, SINK, 4);
        for (Bytes tx : List.of(undecodable, badNonce, valid, noFunds)) {
            pos.enqueueForced(tx);
        }
        L2Block b1 = producer.produce();
        assertEquals(List.of(valid), b1.transactions(), "only the executable message executed");
        assertEquals(4, b1.forcedCursor(), "all four consumed");
        assertTrue(advanced(f2.receive(b1)));
        assertTrue(advanced(f3.receive(b1)));
        assertEquals(producer.engine.stateRoot(), f2.engine.stateRoot());
        assertEquals(producer.engine.stateRoot(), f3.engine.stateRoot());
        assertEquals(0, f2.engine.account(L2Txs.address(L2Txs.DEV.get(2))).nonce(), "the bad nonce did nothing");
        progress(b1);

        // a producer that claims an executable message is not executable: every follower re-executes it and refuses
        ForcedSource lying = from -> real.queue(from).map(q -> new ForcedQueue(q.inclusionBlocks(),
                q.committedL2Head(), q.length(), q.includedCount(), q.messages().stream().map(m -> m.index() < 4 ? m
                        : new ForcedMessage(m.index(), m.l1Block(), m.l1TxHash(), undecodable, m.dueL2Block(),
                                m.included())).toList()));
        Node liar = new Node(N1, lying);
        assertTrue(advanced(liar.receive(b1)));
        Bytes next = L2Txs.transfer(L2Txs.DEV.get(4), 0, SINK, 5);
        pos.enqueueForced(next);
        L2Block skipping = liar.produce();
        assertEquals(List.of(), skipping.transactions());
        assertEquals(5, skipping.forcedCursor());
        var rootBefore = f2.engine.stateRoot();
        assertEquals(List.of(Fault.FORCED_SKIP_UNJUSTIFIED), penalties(f2.receive(skipping)));
        assertEquals(1, f2.head());
        assertEquals(1, f2.engine.headNumber(), "the probe was undone");
        assertEquals(rootBefore, f2.engine.stateRoot());
        assertTrue(f2.execution.halted().isEmpty(), "a refused block is the producer's fault, not a divergence");

        L2Block honest = producer.produce();
        assertEquals(List.of(next), honest.transactions());
        assertTrue(advanced(f2.receive(honest)));
        assertTrue(advanced(f3.receive(honest)));
        assertEquals(producer.engine.stateRoot(), f3.engine.stateRoot());
    }

    @Test
    void aFollowerWhosePosViewLagsHoldsTheBlockWithoutBlame() throws StoreException {
        ScriptedPos behind = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 1, 1_000, N1.address()))
                .enableForced(N);
        Node producer = new Node(N1, real);
        Node follower = new Node(N2, behind, ForcedSource.of(behind), true);
        Bytes tx = L2Txs.transfer(L2Txs.DEV.get(0), 0, SINK, 1_000);
        pos.enqueueForced(tx);
        L2Block b1 = producer.produce();
        progress(b1);
        List<SequencerEffect> held = follower.receive(b1);
        assertEquals(List.of(), penalties(held), "its consensus has not committed message 0 yet: no blame");
        assertEquals(0, follower.head());
        assertEquals(1, follower.node.heldBlocks());
        behind.enqueueForced(tx);
        assertTrue(advanced(follower.node.onTick(clock)), "retried on the next tick, accepted");

        for (int i = 2; i <= 4; i++) { // the follower's committed head stays 0: blocks up to 4 (< 0 + N) are judged
            L2Block b = producer.produce();
            progress(b);
            assertTrue(advanced(follower.receive(b)));
        }
        L2Block b5 = producer.produce();
        List<SequencerEffect> waits = follower.receive(b5);
        assertEquals(List.of(), penalties(waits));
        assertEquals(4, follower.head(), "block 5 waits: a message due at 5 could be missing from this view");
        behind.commitL2Head(1, 1);
        assertTrue(advanced(follower.node.onTick(clock)));
        assertEquals(5, follower.head());
    }

    @Test
    void theProducerWaitsWhileThePoolsCommittedHeadIsNBlocksBehind() throws StoreException {
        Node producer = new Node(N1, real);
        for (int i = 1; i <= 4; i++) {
            producer.produce();
        }
        assertEquals(Optional.empty(), producer.tick(), "block 5 >= committed head 0 + N: followers could not judge it");
        assertEquals(Optional.empty(), producer.tick());
        pos.commitL2Head(3, 0);
        assertEquals(5, producer.produce().number());
        assertEquals(6, producer.produce().number());
        assertTrue(producer.node.producerStatus().producing(), "still the producer, only waiting");
    }

    @Test
    void theCursorSurvivesARestart() throws StoreException {
        Node producer = new Node(N1, real);
        pos.enqueueForced(L2Txs.transfer(L2Txs.DEV.get(0), 0, SINK, 1));
        pos.enqueueForced(L2Txs.transfer(L2Txs.DEV.get(0), 1, SINK, 1));
        L2Block b1 = producer.produce();
        assertEquals(2, b1.forcedCursor());
        assertEquals(2, b1.transactions().size(), "two messages of one sender, in nonce order");
        producer.open(pos, real); // a restarted process: store and engine state from the same store
        assertEquals(2, producer.node.head().forcedCursor());
        L2Block b2 = producer.produce();
        assertEquals(2, b2.forcedCursor());
        assertEquals(List.of(), b2.transactions(), "nothing is consumed twice");
    }

    @Test
    void withoutAnEngineMessagesAreConsumedUnexecuted() throws StoreException {
        Node producer = new Node(N1, pos, real, false);
        Node follower = new Node(N2, pos, real, false);
        pos.enqueueForced(Bytes.of((byte) 1));
        L2Block b1 = producer.produce();
        assertEquals(1, b1.forcedCursor());
        assertEquals(List.of(), b1.transactions());
        assertTrue(advanced(follower.receive(b1)));
    }
}
