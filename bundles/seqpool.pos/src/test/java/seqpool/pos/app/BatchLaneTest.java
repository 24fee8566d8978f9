package seqpool.pos.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.pos.PostedBatch;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.pos.state.BatchLane;
import seqpool.pos.state.PosState;
import seqpool.pos.state.StateCodec;
import seqpool.pos.testing.PoolFixture;
import seqpool.pos.tx.SignedBody;

/**
 * The batch lane: a proposal for the next batch within the committed L2 head opens one signing task (the proposer
 * among the signers and first poster, the digest BatchInbox checks); a refusal moves the task to other signers and
 * enough refusals drop it; BatchAppended from L1 records the batch (safe head) and closes the task; the state
 * survives its encoding.
 */
class BatchLaneTest {
    final PoolFixture fx = new PoolFixture(4, 20, 3);
    final Hash32 hashes = Hash32.fromHex("0x" + "ab".repeat(32));
    final Hash32 root = Hash32.fromHex("0x" + "cd".repeat(32));
    final Hash32 blob = Hash32.fromHex("0x01" + "ef".repeat(31));
    StartedPool pool;

    void started(long l2Head) throws Exception {
        pool = new StartedPool(fx);
        if (l2Head > 0) {
            fx.commit(pool.app, List.of(fx.progress(pool.producer, l2Head, 1)));
        }
        pool.confirmAndCommit(fx.l1.nextBlock().epochCommitted(1, 1, 20, pool.producer.address()));
    }

    SignedBody.BatchProposal proposal(long index, long first, long last) {
        return new SignedBody.BatchProposal(index, first, last, hashes, root, 1, List.of(blob), 1);
    }

    Optional<PosTask> batchTask() {
        return pool.app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.SIGN_BATCH).findFirst();
    }

    @Test
    void nextBatchWithinTheCommittedHeadOpensOneSigningTask() throws Exception {
        started(6);
        LocalNodeSigner proposer = fx.keys.get(3);
        assertTrue(pool.app.checkTx(fx.signed(proposer, proposal(1, 1, 6))).accepted(), "enters the mempool");
        assertFalse(pool.app.checkTx(fx.signed(proposer, proposal(2, 1, 6))).accepted(), "not the next batch");
        fx.commit(pool.app, List.of(fx.signed(proposer, proposal(1, 1, 6))));
        PosTask t = batchTask().orElseThrow(() -> new AssertionError("no batch task"));
        Address signer = Address.fromHex(t.params().get("signers").split(",")[0]);
        assertTrue(pool.app.checkTx(fx.signed(fx.key(signer), new SignedBody.BatchRefusal(t.id(), 0, "why")))
                .accepted(), "a chosen signer's refusal enters the mempool");
        assertFalse(pool.app.checkTx(fx.signed(fx.key(signer), new SignedBody.BatchRefusal(t.id(), 7, "why")))
                .accepted(), "not for another attempt");
        Map<String, String> p = t.params();
        assertEquals("1", p.get("index"));
        assertEquals(proposer.address().toHex(), p.get("proposer"));
        List<String> signers = List.of(p.get("signers").split(","));
        assertEquals(3, signers.size(), "the committee's threshold");
        assertTrue(signers.contains(proposer.address().toHex()), "the proposer signs: it is the designated submitter");
        assertTrue(p.get("posters").startsWith(proposer.address().toHex()), "and posts first");
        byte[] digest = PoolMessageDigest.appendBatch(31337, PoolFixture.INBOX.toHex(), 1, 1, 6,
                hashes.value().toArray(), root.value().toArray(), 1, List.of(blob.value().toArray()));
        assertEquals(Bytes.wrap(digest).toHex(), p.get("digest"), "BatchInbox's digest of the header");

        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(0), proposal(1, 1, 5))));
        assertEquals(1, pool.app.view().openTasks().stream().filter(x -> x.kind() == PosTaskKind.SIGN_BATCH).count(),
                "one batch at a time");
    }

    @Test
    void noBatchBeforeL1HoldsItsBlocksAssignments() throws Exception {
        pool = new StartedPool(fx);
        fx.commit(pool.app, List.of(fx.progress(pool.producer, 6, 1)));
        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(0), proposal(1, 1, 6))));
        assertTrue(batchTask().isEmpty(), "epoch 1 is not committed on L1 yet");
        pool.confirmAndCommit(fx.l1.nextBlock().epochCommitted(1, 1, 20, pool.producer.address()));
        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(0), proposal(1, 1, 6))));
        assertTrue(batchTask().isPresent());
    }

    @Test
    void proposalsOutOfLineAreIgnored() throws Exception {
        started(6);
        LocalNodeSigner m = fx.keys.get(0);
        fx.commit(pool.app, List.of(fx.signed(m, proposal(2, 1, 6)), fx.signed(m, proposal(1, 2, 6)),
                fx.signed(m, proposal(1, 1, 7))));
        assertTrue(batchTask().isEmpty(), "wrong index, a gap, beyond the committed L2 head");
        LocalNodeSigner outsider = LocalNodeSigner.fromPrivateKey(new byte[] {
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        fx.commit(pool.app, List.of(fx.signed(outsider, proposal(1, 1, 6))));
        assertTrue(batchTask().isEmpty(), "not a validator");
    }

    @Test
    void refusalsMoveTheTaskAndEnoughOfThemDropTheProposal() throws Exception {
        started(6);
        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(3), proposal(1, 1, 6))));
        PosTask t = batchTask().orElseThrow();
        Address refuser = Address.fromHex(t.params().get("signers").split(",")[0]);
        if (refuser.equals(fx.keys.get(3).address())) {
            refuser = Address.fromHex(t.params().get("signers").split(",")[1]);
        }
        Address outsiderToAttempt = refuser;
        fx.commit(pool.app, List.of(fx.signed(fx.key(refuser), new SignedBody.BatchRefusal(t.id(), t.attempt(),
                "post-state root of L2 6 differs"))));
        PosTask again = batchTask().orElseThrow(() -> new AssertionError("one refusal of 4 leaves a threshold"));
        assertEquals(1, again.attempt());
        assertFalse(again.params().get("signers").contains(outsiderToAttempt.toHex()), "the refuser is left out");
        assertEquals("post-state root of L2 6 differs", BatchLane.refusals(again.params()).get(refuser));

        Address second = List.of(again.params().get("signers").split(",")).stream().map(Address::fromHex)
                .filter(a -> !a.equals(fx.keys.get(3).address())).findFirst().orElseThrow();
        fx.commit(pool.app, List.of(fx.signed(fx.key(second), new SignedBody.BatchRefusal(again.id(), 0, "stale"))));
        assertTrue(batchTask().isPresent(), "a refusal of an earlier attempt counts for nothing");
        fx.commit(pool.app, List.of(fx.signed(fx.key(second), new SignedBody.BatchRefusal(again.id(), 1,
                "block hashes differ"))));
        assertTrue(batchTask().isEmpty(), "two refusals of four: no threshold of willing signers is left");

        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(0), proposal(1, 1, 6))));
        assertTrue(batchTask().isPresent(), "the lane is free for the next proposal");
    }

    @Test
    void batchAppendedRecordsTheSafeHeadAndClosesTheTask() throws Exception {
        started(6);
        fx.commit(pool.app, List.of(fx.signed(fx.keys.get(3), proposal(1, 1, 6))));
        pool.confirmAndCommit(fx.l1.nextBlock().batchAppended(1, 1, 6));
        assertTrue(batchTask().isEmpty());
        List<PostedBatch> posted = pool.app.view().postedBatches();
        assertEquals(List.of(new PostedBatch(1, 1, 6, fx.l1.block())), posted);

        pool.confirmAndCommit(fx.l1.nextBlock().batchAppended(3, 7, 8));
        assertEquals(1, pool.app.view().postedBatches().size(), "not the next batch: ignored");

        PosState s = pool.app.committedCopy();
        PosState back = StateCodec.decode(StateCodec.encode(s));
        assertEquals(StateCodec.encode(s), StateCodec.encode(back));
        assertEquals(6, back.lastBatchedL2(1));
        List<Bytes> none = new ArrayList<>();
        assertTrue(none.isEmpty());
    }
}
