package seqpool.sequencer.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.chain.Fault;
import seqpool.sequencer.node.SequencerEffect.Broadcast;
import seqpool.sequencer.node.SequencerEffect.EquivocationFound;
import seqpool.sequencer.node.SequencerEffect.HeadAdvanced;
import seqpool.sequencer.node.SequencerEffect.Penalize;
import seqpool.sequencer.node.SequencerEffect.ProductionFailed;
import seqpool.sequencer.node.SequencerEffect.Send;
import seqpool.sequencer.node.SequencerEffect.SignBlock;
import seqpool.sequencer.store.L2BlockStore;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.wire.L2Message;
import seqpool.sequencer.wire.L2Message.BlockRequest;
import seqpool.sequencer.wire.L2Message.BlockResponse;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.L2Message.Status;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.memory.InMemoryKeyValueStore;
import seqpool.store.typed.TypedStore;

/** The deterministic node alone: the test is its clock, its signer's host and its network. */
class SequencerNodeTest {
    static final LocalNodeSigner N1 = Keys.node(1);
    static final LocalNodeSigner N2 = Keys.node(2);
    static final Address PEER = Keys.node(3).address();
    static final Address PEER2 = Keys.node(4).address();
    static final NodeSettings SETTINGS = new NodeSettings(
            new ChainParams(Blocks.CHAIN_ID, 1, ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS), BodyRule.EMPTY_BLOCKS, 8, 4,
            2_000, WireLimits.DEFAULT);

    final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    final ScriptedPos pos = new ScriptedPos();

    SequencerNode open(LocalNodeSigner self) throws StoreException {
        return SequencerNode.open(SETTINGS, self.address(), L2BlockStore.open(kv), pos::assignmentFor);
    }

    /** One tick, signing what the node asks to sign (as the host does). */
    static List<SequencerEffect> tick(SequencerNode node, LocalNodeSigner key, long now) throws StoreException {
        List<SequencerEffect> out = new ArrayList<>();
        for (SequencerEffect e : node.onTick(now)) {
            out.add(e);
            if (e instanceof SignBlock s) {
                out.addAll(node.onSigned(s.block(), key.sign(s.block().hash()), now));
            }
        }
        return out;
    }

    static List<Long> heads(List<SequencerEffect> effects) {
        return effects.stream().filter(HeadAdvanced.class::isInstance)
                .map(e -> ((HeadAdvanced) e).block().number()).toList();
    }

    static <T> List<T> only(Class<T> type, List<SequencerEffect> effects) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<SequencerEffect> feed(SequencerNode node, Address from, L2Message m, long now) throws StoreException {
        return node.onMessage(from, m, now);
    }

    @Test
    void producesExactlyTheNumbersItIsAssigned() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 3, N1.address())).commit(ScriptedPos.assign(1, 0, 4, 6, N2.address()));
        SequencerNode n1 = open(N1);
        assertEquals(new ProducerStatus(true, 3), n1.producerStatus());
        List<SequencerEffect> all = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            all.addAll(tick(n1, N1, 10_000 + 1000L * i));
        }
        assertEquals(List.of(1L, 2L, 3L), heads(all));
        assertEquals(3, only(SignBlock.class, all).size());
        assertEquals(ProducerStatus.IDLE, n1.producerStatus());
        List<L2Block> broadcast = only(Broadcast.class, all).stream().map(Broadcast::message)
                .filter(NewBlock.class::isInstance).map(m -> ((NewBlock) m).block()).toList();
        assertEquals(3, broadcast.size());
        assertEquals(Hash32.ZERO, broadcast.get(0).parentHash(), "the first block extends the implicit genesis");
        assertEquals(broadcast.get(0).hash(), broadcast.get(1).parentHash());
        assertTrue(broadcast.stream().allMatch(b -> b.epoch() == 1 && b.transactions().isEmpty()
                && b.stateRoot().isZero() && b.producer().equals(N1.address())));
    }

    @Test
    void storesBeforeBroadcastingAndNeverGoesBackInTime() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n1 = open(N1);
        List<SequencerEffect> first = tick(n1, N1, 50_000);
        assertTrue(first.indexOf(only(HeadAdvanced.class, first).get(0))
                < first.indexOf(only(Broadcast.class, first).get(0)), "stored (head advanced) before broadcast");
        assertEquals(50_000, n1.head().timestampMillis());
        tick(n1, N1, 49_000); // the clock went back, by less than the drift followers accept
        assertEquals(50_001, n1.head().timestampMillis());
        assertEquals(List.of(), tick(n1, N1, 40_000), "further back: wait rather than make a block followers refuse");
        tick(n1, N1, 50_100);
        assertEquals(50_100, n1.head().timestampMillis());
    }

    @Test
    void stopsTheMomentTheAssignmentChanges() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n1 = open(N1);
        for (int i = 1; i <= 3; i++) {
            tick(n1, N1, 1000L * i);
        }
        assertTrue(n1.producerStatus().producing());
        pos.commit(ScriptedPos.assign(1, 1, 4, 10, N2.address()));
        n1.onAssignmentsChanged(3_500);
        assertEquals(ProducerStatus.IDLE, n1.producerStatus(), "stopped before the next tick");
        assertEquals(List.of(), only(SignBlock.class, tick(n1, N1, 4_000)));
        assertEquals(3, n1.head().number());
    }

    @Test
    void aRestartedProducerContinuesFromItsStoredHead() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode before = open(N1);
        for (int i = 1; i <= 3; i++) {
            tick(before, N1, 1000L * i);
        }
        Hash32 head3 = before.head().hash();
        SequencerNode after = open(N1);
        assertEquals(3, after.head().number());
        List<SignBlock> asked = only(SignBlock.class, after.onTick(10_000));
        assertEquals(1, asked.size());
        assertEquals(4, asked.get(0).block().number(), "never signs a number it already signed");
        assertEquals(head3, asked.get(0).block().parentHash());
    }

    /** Even with a head that lags its blocks (which atomic writes prevent), the store is checked before signing. */
    @Test
    void neverSignsANumberTheStoreAlreadyHolds() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        TypedStore typed = new TypedStore(kv);
        L2BlockStore.open(kv);
        typed.commit(typed.newBatch().put(L2BlockStore.BLOCKS, 1L, Blocks.signed(N1, 1, Hash32.ZERO, 1, 500)));
        SequencerNode n1 = open(N1);
        assertEquals(0, n1.head().number());
        List<SequencerEffect> out = n1.onTick(1_000);
        assertEquals(List.of(), only(SignBlock.class, out));
        assertEquals(1, only(ProductionFailed.class, out).size());
    }

    @Test
    void asksForOneSignatureAtATime() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n1 = open(N1);
        SignBlock first = only(SignBlock.class, n1.onTick(1_000)).get(0);
        assertEquals(List.of(), only(SignBlock.class, n1.onTick(2_000)), "no second block while one is being signed");
        n1.onSigningFailed(first.block());
        assertEquals(1, only(SignBlock.class, n1.onTick(3_000)).get(0).block().number());
    }

    @Test
    void aBlockSignedWithAnotherKeyIsNotStored() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n1 = open(N1);
        SignBlock ask = only(SignBlock.class, n1.onTick(1_000)).get(0);
        List<SequencerEffect> out = n1.onSigned(ask.block(), N2.sign(ask.block().hash()), 1_000);
        assertEquals(1, only(ProductionFailed.class, out).size());
        assertEquals(List.of(), only(Broadcast.class, out));
        assertEquals(0, n1.head().number());
    }

    @Test
    void aFollowerAcceptsBlocksInOrder() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n2 = open(N2);
        List<SequencerEffect> all = new ArrayList<>();
        for (L2Block b : Blocks.chain(N1, 1, Hash32.ZERO, 1, 5, 1_000)) {
            all.addAll(feed(n2, PEER, new NewBlock(b), 10_000));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), heads(all));
        assertEquals(List.of(), only(Penalize.class, all));
        assertEquals(List.of(), only(SignBlock.class, tick(n2, N2, 11_000)), "a follower never signs");
    }

    @Test
    void aGapIsHeldAndTheMissingBlocksAreRequested() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n2 = open(N2);
        List<L2Block> chain = Blocks.chain(N1, 1, Hash32.ZERO, 1, 4, 1_000);
        List<SequencerEffect> out = feed(n2, PEER, new NewBlock(chain.get(3)), 10_000);
        assertEquals(List.of(), heads(out));
        assertEquals(List.of(new Send(PEER, new BlockRequest(1, 3))), only(Send.class, out));
        assertEquals(1, n2.heldBlocks());
        out = feed(n2, PEER, new BlockResponse(chain.subList(0, 3)), 10_100);
        assertEquals(List.of(1L, 2L, 3L, 4L), heads(out));
        assertEquals(0, n2.heldBlocks());
    }

    @Test
    void heldBlocksAreBoundedKeepingThoseNearestTheHead() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 30, N1.address()));
        SequencerNode n2 = open(N2);
        List<L2Block> chain = Blocks.chain(N1, 1, Hash32.ZERO, 1, 20, 1_000);
        for (int i = 19; i >= 2; i--) { // 20 down to 3: the nearer ones displace the farther ones
            feed(n2, PEER, new NewBlock(chain.get(i)), 30_000);
        }
        assertEquals(SETTINGS.maxFutureBlocks(), n2.heldBlocks());
        feed(n2, PEER, new NewBlock(chain.get(0)), 30_000);
        List<SequencerEffect> out = feed(n2, PEER, new NewBlock(chain.get(1)), 30_000);
        assertEquals(10, n2.head().number(), "blocks 3..10 were kept");
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), heads(out));
    }

    @Test
    void aBlockWhoseAssignmentIsNotCommittedWaitsForThePosService() throws StoreException {
        SequencerNode n2 = open(N2);
        L2Block b1 = Blocks.signed(N1, 1, Hash32.ZERO, 1, 1_000);
        List<SequencerEffect> out = feed(n2, PEER, new NewBlock(b1), 2_000);
        assertEquals(List.of(), heads(out));
        assertEquals(List.of(), only(Penalize.class, out), "not the sender's fault");
        assertEquals(1, n2.heldBlocks());
        assertEquals(List.of(), heads(n2.onAssignmentsChanged(2_100)), "still nothing committed");
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        assertEquals(List.of(1L), heads(n2.onAssignmentsChanged(2_200)));
    }

    @Test
    void anInvalidBlockPenalisesItsSender() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n2 = open(N2);
        L2Block byWrongProducer = Blocks.signed(N2, 1, Hash32.ZERO, 1, 1_000);
        List<Penalize> p = only(Penalize.class, feed(n2, PEER, new NewBlock(byWrongProducer), 2_000));
        assertEquals(1, p.size());
        assertEquals(PEER, p.get(0).peer());
        assertEquals(Fault.WRONG_PRODUCER, p.get(0).fault());
        assertEquals(0, n2.head().number());
    }

    @Test
    void aResponseStopsAtItsFirstInvalidBlockAndCostsOnePenalty() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n2 = open(N2);
        List<L2Block> chain = Blocks.chain(N1, 1, Hash32.ZERO, 1, 4, 1_000);
        L2Block forged = Blocks.withHash(chain.get(1), Hash32.fromHex("55".repeat(32)));
        List<SequencerEffect> out = feed(n2, PEER,
                new BlockResponse(List.of(chain.get(0), forged, chain.get(2), chain.get(3))), 10_000);
        assertEquals(List.of(1L), heads(out));
        assertEquals(List.of(Fault.BAD_HASH), only(Penalize.class, out).stream().map(Penalize::fault).toList());
    }

    @Test
    void equivocationIsRecordedOnceAndTheChainKeepsItsBlock() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n2 = open(N2);
        List<L2Block> chain = Blocks.chain(N1, 1, Hash32.ZERO, 1, 3, 1_000);
        for (L2Block b : chain) {
            feed(n2, PEER, new NewBlock(b), 10_000);
        }
        L2Block twin = Blocks.signed(N1, 2, chain.get(0).hash(), 1, 2_500);
        List<SequencerEffect> out = feed(n2, PEER2, new NewBlock(twin), 10_000);
        assertEquals(1, only(EquivocationFound.class, out).size());
        assertEquals(List.of(), only(Penalize.class, out), "the relay is not blamed for the producer's fault");
        assertEquals(List.of(), only(EquivocationFound.class, feed(n2, PEER, new NewBlock(twin), 10_000)));
        L2BlockStore store = L2BlockStore.open(kv);
        assertEquals(chain.get(1), store.block(2).orElseThrow(), "never switches chains");
        assertEquals(chain.get(2).hash(), n2.head().hash());
        assertEquals(1, store.equivocations().size());
        assertEquals(twin, store.equivocations().get(0).conflicting());
    }

    @Test
    void servesRequestsFromTheStore() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()));
        SequencerNode n1 = open(N1);
        for (int i = 1; i <= 5; i++) {
            tick(n1, N1, 1000L * i);
        }
        L2BlockStore store = L2BlockStore.open(kv);
        List<Send> out = only(Send.class, feed(n1, PEER, new BlockRequest(2, 10), 6_000));
        assertEquals(List.of(new Send(PEER, new BlockResponse(store.range(2, 5, 100, 1 << 20)))), out);
        assertEquals(4, ((BlockResponse) out.get(0).message()).blocks().size());
        assertEquals(List.of(new Send(PEER, new BlockResponse(List.of()))),
                only(Send.class, feed(n1, PEER, new BlockRequest(6, 9), 6_000)));
    }

    @Test
    void statusAnnouncementsDriveOneRequestAtATime() throws StoreException {
        pos.commit(ScriptedPos.assign(1, 0, 1, 20, N1.address()));
        SequencerNode n2 = open(N2);
        assertEquals(List.of(new Broadcast(new Status(0, Hash32.ZERO))), n2.onStatusTick(0));
        assertEquals(List.of(new Send(PEER, new BlockRequest(1, 4))),
                only(Send.class, feed(n2, PEER, new Status(10, Hash32.ZERO), 1_000)));
        assertEquals(List.of(), only(Send.class, feed(n2, PEER2, new Status(12, Hash32.ZERO), 1_500)), "one at a time");
        assertEquals(List.of(new Send(PEER2, new BlockRequest(1, 4))), only(Send.class, n2.onStatusTick(3_100)),
                "asked again, of the highest peer, after the timeout");
        List<L2Block> chain = Blocks.chain(N1, 1, Hash32.ZERO, 1, 10, 1_000);
        List<SequencerEffect> out = feed(n2, PEER2, new BlockResponse(chain.subList(0, 4)), 3_200);
        assertEquals(List.of(1L, 2L, 3L, 4L), heads(out));
        assertEquals(List.of(new Send(PEER2, new BlockRequest(5, 8))), only(Send.class, out),
                "progress: the next batch at once");
        out = feed(n2, PEER2, new BlockResponse(List.of()), 3_300);
        assertEquals(List.of(), only(Send.class, out), "no progress: wait for the next status");
        assertFalse(n2.producerStatus().producing());
    }
}
