package seqpool.pos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.sequencer.L2Equivocation;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.l2.L2HeaderHashing;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.pos.state.Member;
import seqpool.pos.state.PosState;
import seqpool.pos.state.StateCodec;
import seqpool.pos.testing.FakeBridge;
import seqpool.pos.testing.PoolFixture;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * An L2 producer that signs two blocks of one number: the evidence is checked by every validator, committed once, and
 * turns into a pool-signed slash of {@code l2EquivocationSlashBps} of its stake and a jail, both on the pool-actions
 * lane with consecutive LockingPool nonces; the rest of the epoch goes to another producer. Forged or repeated evidence
 * is refused.
 */
class L2EquivocationTest {
    final PoolFixture fx = new PoolFixture(4, 20, 3);
    final FakeBridge bridge = new FakeBridge();
    final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    final PosEvents events = new PosEvents((node, event, fields) -> { }, "n1");
    PosApplication app;
    LocalNodeSigner producer;

    void started() throws Exception {
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
        producer = fx.key(app.view().status().assignment().orElseThrow().producer());
    }

    void confirmAndCommit(L1Event e) {
        bridge.confirm(e);
        fx.commit(app, app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20)));
    }

    /** A header of block {@code number} signed by {@code by}, with a state root that tells two versions apart. */
    L2Header header(LocalNodeSigner by, long number, int version) {
        Hash32 root = Hash32.fromHex(String.format("0x%064x", version));
        Hash32 txRoot = L2HeaderHashing.txRoot(List.of());
        Hash32 h = L2HeaderHashing.hash(fx.params.l2ChainId(), number, Hash32.ZERO, 1, by.address(), 1000, txRoot, root,
                0);
        return new L2Header(number, Hash32.ZERO, 1, by.address(), 1000, txRoot, root, by.sign(h));
    }

    Bytes evidence(L2Header a, L2Header b) {
        return PosTxCodec.encode(new PosTx.L2EquivocationTx(a, b));
    }

    ProposalVerdict judge(Bytes tx) {
        return app.processProposal(new ProcessProposalRequest(app.lastCommittedHeight() + 1, 0, Hash32.ZERO,
                new Block(app.lastCommittedHeight() + 1, Hash32.ZERO, fx.keys.get(0).address(), List.of(tx),
                        List.of())));
    }

    PosState state() {
        return app.committedCopy();
    }

    Member member(Address signer) {
        return state().memberBySigner(signer).orElseThrow();
    }

    @Test
    void provenEquivocationSlashesThenJailsThroughThePoolAndRotatesTheProducerAway() throws Exception {
        started();
        Bytes tx = evidence(header(producer, 3, 1), header(producer, 3, 2));
        assertTrue(judge(tx).accepted(), judge(tx).toString());
        BigInteger stake = member(producer.address()).stake();
        fx.commit(app, List.of(tx));

        assertTrue(member(producer.address()).jailed(), "jailed by the pool at once");
        assertNotEquals(producer.address(), app.view().status().assignment().orElseThrow().producer(),
                "the rest of the epoch goes to another producer");
        PosTask slash = app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.SIGN_SLASH).findFirst()
                .orElseThrow(() -> new AssertionError("no open slash task: " + app.view().openTasks()));
        Map<String, String> p = slash.params();
        long seqId = member(producer.address()).seqId();
        assertEquals(Long.toString(seqId), p.get("seqId"));
        assertEquals(stake.divide(BigInteger.TEN).toString(), p.get("amount"), "default 1,000 bps");
        assertEquals("1", p.get("actionNonce"));
        byte[] expected = PoolMessageDigest.slash(fx.params.l1ChainId(), fx.params.lockingPool().toHex(),
                BigInteger.ONE, BigInteger.valueOf(seqId), new BigInteger(p.get("amount")),
                Hash32.fromHex(p.get("reason")).value().toArray());
        assertEquals(Bytes.wrap(expected).toHex(), Hash32.fromHex(p.get("digest")).value().toHex(),
                "the digest LockingPool.slash checks");
        assertTrue(app.view().openTasks().stream().noneMatch(t -> t.kind() == PosTaskKind.SIGN_JAIL),
                "the jail waits for the slash on the pool-actions lane");

        // the slash lands on L1: next nonce goes to the jail
        BigInteger amount = new BigInteger(p.get("amount"));
        confirmAndCommit(fx.l1.nextBlock().slashed(seqId, amount, Hash32.fromHex(p.get("reason")),
                stake.subtract(amount)));
        assertEquals(stake.subtract(amount), member(producer.address()).stake());
        PosTask jail = app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.SIGN_JAIL).findFirst()
                .orElseThrow();
        assertEquals("2", jail.params().get("actionNonce"));
        assertEquals(p.get("reason"), jail.params().get("reason"));

        // the same offence again, even with another pair of headers, is refused and changes nothing
        Bytes again = evidence(header(producer, 3, 2), header(producer, 3, 7));
        ProposalVerdict v = judge(again);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("already punished"), v.reason());
        Hash32 before = StateCodec.hash(state());
        fx.commit(app, List.of(again));
        assertEquals(app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.SIGN_SLASH).count(), 0);
        assertNotEquals(before, StateCodec.hash(state()), "the height moved");
        assertEquals(3, StateCodec.encode(state()).get(0), "punished evidence is state (schema 3)");
        assertEquals(StateCodec.encode(state()), StateCodec.encode(StateCodec.decode(StateCodec.encode(state()))));
    }

    @Test
    void forgedOrMismatchedEvidenceIsRefusedWithTheReason() throws Exception {
        started();
        LocalNodeSigner other = fx.keys.stream().filter(k -> !k.address().equals(producer.address())).findFirst()
                .orElseThrow();
        assertRefused(evidence(header(producer, 3, 1), header(producer, 4, 2)), "not of one number");
        assertRefused(evidence(header(producer, 3, 1), header(other, 3, 2)), "two producers");
        assertRefused(evidence(header(producer, 3, 1), header(producer, 3, 1)), "the same header twice");
        L2Header honest = header(producer, 3, 1);
        L2Header forged = new L2Header(3, Hash32.ZERO, 1, producer.address(), 1000, honest.txRoot(),
                Hash32.fromHex(String.format("0x%064x", 9)), other.sign(Hash32.ZERO));
        assertRefused(evidence(honest, forged), "is not signed by");
        LocalNodeSigner stranger = LocalNodeSigner.generate(new java.security.SecureRandom());
        assertRefused(evidence(header(stranger, 3, 1), header(stranger, 3, 2)), "not a member of the pool");
        assertRefused(evidence(header(producer, 3, 1), header(producer, 3, 2)).concat(Bytes.of((byte) 0)),
                "malformed");
        // committed anyway by a faulty majority, forged evidence changes nothing
        fx.commit(app, List.of(evidence(honest, forged)));
        assertFalse(member(producer.address()).jailed());
        assertTrue(app.view().openTasks().stream().noneMatch(t -> t.kind() == PosTaskKind.SIGN_SLASH));
    }

    @Test
    void theProposerTakesTheEvidenceItsSequencerRecorded() throws Exception {
        started();
        L2Header a = header(producer, 3, 1);
        L2Header b = header(producer, 3, 2);
        L2Chain chain = new L2Chain() {
            @Override
            public long headNumber() {
                return 0;
            }

            @Override
            public Optional<L2Block> block(long number) {
                return Optional.empty();
            }

            @Override
            public AutoCloseable subscribe(java.util.function.Consumer<L2Block> listener) {
                return () -> { };
            }

            @Override
            public List<L2Equivocation> equivocations() {
                return List.of(new L2Equivocation(asBlock(a), asBlock(b)));
            }
        };
        app = new PosApplication(fx.params, kv, fx.genesis, bridge, () -> Optional.of(chain), events);
        List<Bytes> txs = app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20));
        assertEquals(List.of(evidence(a, b)), txs);
        fx.commit(app, txs);
        assertTrue(member(producer.address()).jailed());
        assertEquals(List.of(), app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20)), "punished once: not proposed again");
    }

    private L2Block asBlock(L2Header h) {
        return new L2Block(h.number(), h.hash(fx.params.l2ChainId()), h.parentHash(), h.epoch(), h.producer(),
                h.timestampMillis(), List.of(), h.stateRoot(), h.signature());
    }

    private void assertRefused(Bytes tx, String why) {
        ProposalVerdict v = judge(tx);
        assertFalse(v.accepted(), why);
        assertTrue(v.reason().contains(why), v.reason());
    }
}
