package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CommitCertificate;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.store.memory.InMemoryKeyValueStore;

/** Malformed, forged and non-member messages are rejected with a penalty naming the culprit; state is untouched. */
class BadInputTest {
    final NodeFixture fx = new NodeFixture();
    final LocalNodeSigner self = fx.nonProposer(0);
    final LocalNodeSigner proposer = fx.proposer(1, 0);

    ConsensusNode node() throws Exception {
        ConsensusNode n = fx.node(self, new InMemoryKeyValueStore(), new NodeFixture.TestApp());
        n.start();
        return n;
    }

    static String penalty(List<NodeAction> actions) {
        return actions.stream().filter(a -> a instanceof NodeAction.Penalize).map(a -> ((NodeAction.Penalize) a).reason())
                .findFirst().orElse("");
    }

    @Test
    void malformedBytes() throws Exception {
        ConsensusNode n = node();
        assertTrue(penalty(n.onMessage(proposer.address(), Bytes.of((byte) 2, (byte) 1))).contains("malformed"));
        assertTrue(penalty(n.onMessage(proposer.address(), Bytes.of((byte) 99))).contains("malformed"));
    }

    @Test
    void forgedSignatureAndNonMember() throws Exception {
        ConsensusNode n = node();
        Hash32 x = Hash32.fromHex("0x" + "11".repeat(32));
        LocalNodeSigner other = fx.keys.stream().filter(k -> !k.equals(proposer) && !k.equals(self)).findFirst().orElseThrow();
        Vote claimed = new Vote(VoteKind.PREVOTE, 1, 0, x, proposer.address());
        SignedVote forged = new SignedVote(claimed, other.sign(fx.digests.vote(claimed)));
        List<NodeAction> acts = n.onMessage(other.address(), fx.voteMsg(forged));
        String p = penalty(acts);
        assertTrue(p.contains("bad signature") && p.contains(proposer.address().toString()), "actions: " + acts);

        byte[] k = new byte[32];
        k[31] = 42;
        LocalNodeSigner stranger = LocalNodeSigner.fromPrivateKey(k);
        p = penalty(n.onMessage(stranger.address(), fx.voteMsg(fx.vote(stranger, VoteKind.PREVOTE, 1, 0, x))));
        assertTrue(p.contains("not a validator"), "penalty was: [" + p + "]");
        assertEquals(0, n.driver().votes().votesOf(0).size(), "nothing counted");
    }

    @Test
    void proposalFromWrongProposer() throws Exception {
        ConsensusNode n = node();
        LocalNodeSigner wrong = fx.nonProposer(0);
        String p = penalty(n.onMessage(wrong.address(), fx.proposal(wrong, 1, 0, fx.block(1, wrong, "t-x"))));
        assertTrue(p.contains("but the proposer is"), p);
    }

    @Test
    void blockSyncWithoutQuorumIsRejected() throws Exception {
        ConsensusNode n = node();
        Block b = fx.block(1, proposer, "t-1");
        Hash32 id = MessageCodec.blockId(b);
        List<SignedVote> two = List.of(fx.vote(fx.keys.get(0), VoteKind.PRECOMMIT, 1, 0, id),
                fx.vote(fx.keys.get(1), VoteKind.PRECOMMIT, 1, 0, id));
        CommittedBlock cb = new CommittedBlock(b, id, new CommitCertificate(1, 0, id, two));
        String p = penalty(n.onMessage(proposer.address(), fx.codec.encode(new ConsensusMessage.BlockResponse(cb))));
        assertTrue(p.contains("voting power"), p);
        assertEquals(0, n.committedHeight());

        List<SignedVote> three = List.of(two.get(0), two.get(1), fx.vote(fx.keys.get(2), VoteKind.PRECOMMIT, 1, 0, id));
        CommittedBlock good = new CommittedBlock(b, id, new CommitCertificate(1, 0, id, three));
        List<NodeAction> out = n.onMessage(proposer.address(), fx.codec.encode(new ConsensusMessage.BlockResponse(good)));
        assertTrue(out.stream().anyMatch(a -> a instanceof NodeAction.Committed), "a verified certificate commits");
        assertEquals(1, n.committedHeight());
    }
}
