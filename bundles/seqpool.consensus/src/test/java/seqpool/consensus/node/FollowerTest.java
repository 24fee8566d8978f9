package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.consensus.Block;
import seqpool.api.consensus.VoteKind;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.wire.MessageCodec;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * A node outside the validator set (a staked operator waiting for its epoch, or one that left) follows the chain but
 * never signs: its votes would be rejected by every validator and get it disconnected.
 */
class FollowerTest {
    final NodeFixture fx = new NodeFixture();

    @Test
    void aFollowerNeitherVotesNorProposesButCommitsWhatTheValidatorsDecide() throws Exception {
        byte[] k = new byte[32];
        k[31] = 77;
        LocalNodeSigner outsider = LocalNodeSigner.fromPrivateKey(k);
        NodeFixture.TestApp app = new NodeFixture.TestApp();
        ConsensusNode n = fx.node(outsider, new InMemoryKeyValueStore(), app);
        n.start();
        LocalNodeSigner proposer = fx.proposer(1, 0);
        Block b = fx.block(1, proposer, "tx");
        List<NodeAction> acts = n.onMessage(proposer.address(), fx.proposal(proposer, 1, 0, b));
        assertEquals(List.of(), fx.broadcastVotes(acts), "no vote from a non-validator");
        var id = MessageCodec.blockId(b);
        for (LocalNodeSigner v : fx.keys.subList(0, 3)) {
            acts = n.onMessage(v.address(), fx.voteMsg(fx.vote(v, VoteKind.PREVOTE, 1, 0, id)));
            assertEquals(List.of(), fx.broadcastVotes(acts));
        }
        for (LocalNodeSigner v : fx.keys.subList(0, 3)) {
            acts = n.onMessage(v.address(), fx.voteMsg(fx.vote(v, VoteKind.PRECOMMIT, 1, 0, id)));
            assertEquals(List.of(), fx.broadcastVotes(acts));
        }
        assertTrue(app.blocks.containsKey(1L), "the follower commits the decided block");
    }
}
