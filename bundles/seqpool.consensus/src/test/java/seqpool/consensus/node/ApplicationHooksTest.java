package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.consensus.VoteKind;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.store.memory.InMemoryKeyValueStore;

/** ABCI++ hooks: the proposer's block comes from prepareProposal; processProposal decides this node's prevote. */
class ApplicationHooksTest {
    final NodeFixture fx = new NodeFixture();

    /** Rejects blocks holding "tFAKE" (as a validator rejects an L1 event it cannot find on its own L1 view). */
    static final class JudgingApp extends NodeFixture.TestApp {
        final List<ProcessProposalRequest> judged = new ArrayList<>();
        final List<Bytes> injected = new ArrayList<>();

        @Override
        public List<Bytes> prepareProposal(PrepareProposalRequest r) {
            List<Bytes> out = new ArrayList<>(injected);
            out.addAll(r.candidates());
            return out;
        }

        @Override
        public ProposalVerdict processProposal(ProcessProposalRequest r) {
            judged.add(r);
            return r.block().txs().contains(Bytes.utf8("tFAKE")) ? ProposalVerdict.reject("made-up L1 event")
                    : ProposalVerdict.ACCEPT;
        }
    }

    private static List<SignedVote> prevotes(NodeFixture fx, List<NodeAction> actions) throws Exception {
        return fx.broadcastVotes(actions).stream().filter(v -> v.vote().kind() == VoteKind.PREVOTE).toList();
    }

    @Test
    void aBlockTheApplicationRejectsGetsANilPrevote() throws Exception {
        LocalNodeSigner self = fx.nonProposer(0);
        LocalNodeSigner proposer = fx.proposer(1, 0);
        JudgingApp app = new JudgingApp();
        ConsensusNode n = fx.node(self, new InMemoryKeyValueStore(), app);
        n.start();
        Block fake = fx.block(1, proposer, "tFAKE");
        List<SignedVote> votes = prevotes(fx, n.onMessage(proposer.address(), fx.proposal(proposer, 1, 0, fake)));
        assertEquals(1, votes.size(), "one prevote");
        assertTrue(votes.get(0).vote().isNil(), "nil prevote for the rejected block");
        assertEquals(1, app.judged.size());
        assertEquals(MessageCodec.blockId(fake), app.judged.get(0).blockId());

        ConsensusNode m = fx.node(self, new InMemoryKeyValueStore(), new JudgingApp());
        m.start();
        Block good = fx.block(1, proposer, "tok");
        List<SignedVote> ok = prevotes(fx, m.onMessage(proposer.address(), fx.proposal(proposer, 1, 0, good)));
        assertEquals(MessageCodec.blockId(good), ok.get(0).vote().blockId(), "prevote for the accepted block");
    }

    @Test
    void theProposerBuildsItsBlockWithPrepareProposalAfterTheCommitPause() throws Exception {
        LocalNodeSigner proposer = fx.proposer(1, 0);
        JudgingApp app = new JudgingApp();
        app.injected.add(Bytes.utf8("tL1EVENT"));
        ConsensusNode n = new ConsensusNode(fx.config.withCommitPause(250), proposer, SignatureVerifier.SECP256K1,
                new InMemoryKeyValueStore(), app, fx.set, seqpool.api.trace.TraceSink.NONE, java.util.Map.of());
        List<NodeAction> start = n.start();
        assertTrue(start.stream().noneMatch(a -> a instanceof NodeAction.Broadcast), "no proposal during the pause");
        NodeAction.SetTimer pause = start.stream().filter(a -> a instanceof NodeAction.SetTimer t
                && t.key() instanceof TimerKey.ProposeValue).map(a -> (NodeAction.SetTimer) a).findFirst().orElseThrow();
        assertEquals(250, pause.delayMs());
        n.submit(Bytes.utf8("tuser"));
        List<NodeAction> after = n.onTimer(pause.key());
        Block proposed = null;
        for (NodeAction a : after) {
            if (a instanceof NodeAction.Broadcast b && fx.codec.decode(b.payload()) instanceof ConsensusMessage.ProposalMsg p) {
                proposed = p.block();
            }
        }
        assertTrue(proposed != null, "proposal after the pause: " + after);
        assertEquals(List.of(Bytes.utf8("tL1EVENT"), Bytes.utf8("tuser")), proposed.txs());
    }

    @Test
    void submittedEvidenceIsCheckedKeptAndGossiped() throws Exception {
        LocalNodeSigner self = fx.nonProposer(0);
        ConsensusNode n = fx.node(self, new InMemoryKeyValueStore(), new JudgingApp());
        n.start();
        LocalNodeSigner bad = fx.keys.stream().filter(k -> !k.equals(self)).findFirst().orElseThrow();
        SignedVote a = fx.vote(bad, VoteKind.PREVOTE, 1, 0, Hash32.fromHex("0x" + "11".repeat(32)));
        SignedVote b = fx.vote(bad, VoteKind.PREVOTE, 1, 0, Hash32.fromHex("0x" + "22".repeat(32)));
        DuplicateVoteEvidence ev = new DuplicateVoteEvidence(a, b);
        assertEquals(SubmitResult.ACCEPTED, n.submitEvidence(ev));
        assertEquals(SubmitResult.DUPLICATE, n.submitEvidence(ev));
        assertTrue(n.flush().stream().anyMatch(x -> x instanceof NodeAction.Broadcast), "evidence gossiped");
        // a forged second vote: signed by someone else
        LocalNodeSigner other = fx.keys.stream().filter(k -> !k.equals(self) && !k.equals(bad)).findFirst().orElseThrow();
        SignedVote forged = new SignedVote(new seqpool.api.consensus.Vote(VoteKind.PRECOMMIT, 1, 0,
                Hash32.fromHex("0x" + "33".repeat(32)), bad.address()), other.sign(Hash32.fromHex("0x" + "44".repeat(32))));
        SignedVote c = fx.vote(bad, VoteKind.PRECOMMIT, 1, 0, Hash32.fromHex("0x" + "55".repeat(32)));
        assertEquals(SubmitResult.REJECTED, n.submitEvidence(new DuplicateVoteEvidence(c, forged)));
    }
}
