package seqpool.pos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.pos.state.PosState;
import seqpool.pos.state.StateCodec;
import seqpool.pos.testing.FakeBridge;
import seqpool.pos.testing.PoolFixture;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.MalformedTxException;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;
import seqpool.pos.tx.SignedBody;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Forced inclusion in the PoS application: the deadline of a committed message (committed L2 head + N), inclusion
 * marked by committed progress, progress that skips a due message refused, the queue through {@code PosService},
 * restart from the store, the state's schema, the transaction encodings, and a pool without forced inclusion.
 */
class ForcedInclusionTest {
    static final long N = 4;
    static final Address USER = Address.fromHex("0x" + "88".repeat(20));
    final PoolFixture fx = new PoolFixture(4, 20, 3, N);
    final FakeBridge bridge = new FakeBridge();
    final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    final PosEvents events = new PosEvents((node, event, fields) -> { }, "n1");
    PosApplication app;
    LocalNodeSigner producer;

    /** Genesis, keygen, the key on L1: epoch 1 (L2 blocks 1..20) runs. */
    PosApplication started() throws Exception {
        app = fx.app(bridge, events, kv);
        PosTask keygen = app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.KEYGEN).findFirst()
                .orElseThrow();
        List<Bytes> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(fx.keyReport(fx.keys.get(i), keygen.id(), 0, 1));
        }
        fx.commit(app, reports);
        confirmAndCommit(fx.l1.nextBlock().poolKeyRegistered(fx.poolPoint.getAffineXCoord().toBigInteger(),
                fx.poolPoint.getAffineYCoord().toBigInteger(), Address.fromHex("0x" + "44".repeat(20))));
        assertEquals(1, app.view().status().epoch());
        producer = fx.key(app.view().status().assignment().orElseThrow().producer());
        return app;
    }

    /** The event reaches the application the normal way: this node's bridge confirms it, the proposer adds it. */
    void confirmAndCommit(L1Event e) {
        bridge.confirm(e);
        List<Bytes> txs = app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20));
        assertTrue(txs.contains(fx.event(e)), "the proposer adds the confirmed event");
        fx.commit(app, txs);
    }

    L1Event enqueue(long index, Bytes tx) {
        return fx.l1.nextBlock().forcedQueued(index, USER, tx);
    }

    ForcedQueue queue(long from) {
        return new PosServiceImpl(app, events, null, Optional::empty, Optional::empty).forcedMessages(from);
    }

    static Bytes tx(int i) {
        return Bytes.of((byte) 0x02, (byte) 0xf8, (byte) i);
    }

    boolean refused(Bytes progress) {
        return !app.processProposal(new ProcessProposalRequest(app.lastCommittedHeight() + 1, 0, Hash32.ZERO,
                new Block(app.lastCommittedHeight() + 1, Hash32.ZERO, producer.address(), List.of(progress),
                        List.of()))).accepted();
    }

    @Test
    void aMessageIsDueNBlocksAfterTheCommittedHeadItWasCommittedAt() throws Exception {
        started();
        L1Event first = enqueue(0, tx(0));
        confirmAndCommit(first); // committed L2 head 0: due at 0 + N
        fx.commit(app, List.of(fx.progress(producer, 3, 1)));
        confirmAndCommit(enqueue(1, tx(1))); // committed head 3: due at 7
        ForcedQueue q = queue(0);
        assertTrue(q.enabled());
        assertEquals(N, q.inclusionBlocks());
        assertEquals(3, q.committedL2Head());
        assertEquals(2, q.length());
        assertEquals(0, q.includedCount());
        assertEquals(List.of(new ForcedMessage(0, first.l1Block(), first.txHash(), tx(0), N, false),
                new ForcedMessage(1, first.l1Block() + 1, q.messages().get(1).l1TxHash(), tx(1), 3 + N, false)),
                q.messages());
        assertEquals(List.of(1L), queue(1).messages().stream().map(ForcedMessage::index).toList());
        assertEquals(List.of(), queue(2).messages());
    }

    @Test
    void includedOnceCommittedProgressCoversTheBlockThatConsumedIt() throws Exception {
        started();
        confirmAndCommit(enqueue(0, tx(0))); // due 4
        confirmAndCommit(enqueue(1, tx(1))); // due 4
        fx.commit(app, List.of(fx.progress(producer, 2, 1, 1))); // block ≤ 2 consumed message 0
        ForcedQueue q = queue(0);
        assertEquals(1, q.includedCount());
        assertEquals(List.of(true, false), q.messages().stream().map(ForcedMessage::included).toList());
        assertEquals(List.of(1L), List.copyOf(state().forcedPending().keySet()), "covered messages leave the state");
        fx.commit(app, List.of(fx.progress(producer, 4, 1, 2)));
        assertEquals(2, queue(0).includedCount());
        assertTrue(state().forcedPending().isEmpty());
        assertEquals(4, app.view().status().l2Head());
    }

    @Test
    void progressThatSkipsADueMessageIsRefusedAndNotCommitted() throws Exception {
        started();
        fx.commit(app, List.of(fx.progress(producer, 3, 1)));
        confirmAndCommit(enqueue(0, tx(0))); // due 7
        assertFalse(refused(fx.progress(producer, 6, 1, 0)), "not due yet at block 6");
        Bytes skips = fx.progress(producer, 7, 1, 0);
        assertTrue(refused(skips), "block 7 must have consumed message 0");
        fx.commit(app, List.of(skips));
        assertEquals(3, app.view().status().l2Head(), "the pool does not count a censoring block as progress");
        assertTrue(refused(fx.progress(producer, 7, 1, 2)), "a cursor beyond the committed messages");
        fx.commit(app, List.of(fx.progress(producer, 7, 1, 1)));
        assertEquals(7, app.view().status().l2Head());
        assertTrue(refused(fx.progress(producer, 8, 1, 0)), "the cursor never goes back");
        // the proposer only picks progress the rule allows (it has no L2 chain here: none at all)
        assertEquals(List.of(), app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20)));
    }

    @Test
    void aRestartedApplicationContinuesFromTheStore() throws Exception {
        started();
        confirmAndCommit(enqueue(0, tx(0)));
        confirmAndCommit(enqueue(1, tx(1)));
        fx.commit(app, List.of(fx.progress(producer, 1, 1, 1)));
        ForcedQueue before = queue(0);
        Hash32 hash = StateCodec.hash(state());
        app = fx.app(bridge, events, kv); // the same store: a restarted process
        assertEquals(before, queue(0));
        assertEquals(hash, StateCodec.hash(state()));
        confirmAndCommit(enqueue(2, tx(2)));
        assertEquals(3, queue(0).length());
        assertEquals(1 + N, queue(2).messages().get(0).dueL2Block());
    }

    @Test
    void messagesOutOfOrderAreIgnoredTheSameWayEverywhere() throws Exception {
        started();
        confirmAndCommit(enqueue(1, tx(1)));
        assertEquals(0, queue(0).length(), "index 0 must come first");
        confirmAndCommit(enqueue(0, tx(0)));
        confirmAndCommit(enqueue(0, tx(9)));
        assertEquals(List.of(tx(0)), queue(0).messages().stream().map(ForcedMessage::transaction).toList());
    }

    @Test
    void stateWithoutForcedMessagesKeepsSchemaOneAndTheQueueRoundTrips() throws Exception {
        started();
        assertEquals(1, StateCodec.encode(state()).get(0), "no forced message yet: the old layout, old app hash");
        confirmAndCommit(enqueue(0, tx(0)));
        PosState s = state();
        assertEquals(2, StateCodec.encode(s).get(0));
        PosState back = StateCodec.decode(StateCodec.encode(s));
        assertEquals(StateCodec.encode(s), StateCodec.encode(back));
        assertEquals(1, back.forcedLength());
        assertEquals(Keccak.keccak256(tx(0)), back.forcedPending().get(0L).txHash());
        Bytes enc = StateCodec.encode(s);
        Bytes truncated = enc.slice(0, enc.size() - 1);
        assertThrows(MalformedTxException.class, () -> StateCodec.decode(truncated));
    }

    @Test
    void headersWithACursorHaveTheirOwnEncodingAndCursorZeroKeepsTheOldOne() throws Exception {
        L2Header plain = fx.header(fx.keys.get(0), 5, 1);
        L2Header forced = fx.header(fx.keys.get(0), 5, 1, 3);
        Bytes p = PosTxCodec.encode(new PosTx.L2ProgressTx(plain));
        Bytes f = PosTxCodec.encode(new PosTx.L2ProgressTx(forced));
        assertEquals(2, p.get(1), "type 2 as before");
        assertEquals(4, f.get(1));
        assertEquals(p.size() + 8, f.size());
        assertEquals(new PosTx.L2ProgressTx(forced), PosTxCodec.decode(f));
        assertTrue(forced.signedByProducer(901), "the signature covers the cursor");
        L2Header lied = new L2Header(5, Hash32.ZERO, 1, forced.producer(), 5000, forced.txRoot(), Hash32.ZERO,
                forced.signature(), 4);
        assertFalse(lied.signedByProducer(901), "another cursor breaks the signature");
        byte[] zero = f.toArray();
        java.util.Arrays.fill(zero, zero.length - 8, zero.length, (byte) 0);
        assertThrows(MalformedTxException.class, () -> PosTxCodec.decode(Bytes.wrap(zero)), "type 4 with cursor 0");
        SignedBody.RotateVote vote = new SignedBody.RotateVote(1, 0, fx.keys.get(0).address(), Optional.of(forced));
        assertEquals(vote, ((PosTx.Signed) PosTxCodec.decode(fx.signed(fx.keys.get(1), vote))).body());
    }

    @Test
    void aPoolWithoutForcedInclusionIgnoresTheQueue() throws Exception {
        PoolFixture off = new PoolFixture(4, 20, 3);
        app = off.app(bridge, events, kv);
        L1Event e = off.l1.nextBlock().forcedQueued(0, USER, tx(0));
        bridge.confirm(e);
        off.commit(app, List.of(off.event(e)));
        ForcedQueue q = queue(0);
        assertFalse(q.enabled());
        assertEquals(0, q.length());
        assertEquals(1, StateCodec.encode(state()).get(0));
    }

    private PosState state() {
        return app.committedCopy();
    }
}
