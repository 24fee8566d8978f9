package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.store.DatabaseName;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.wire.MessageCodec;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * A validator signs a prevote, is killed before sending it (its actions are thrown away), and restarts on the same
 * store: it must send the very same signed prevote and never a different one for that height, round and step — also
 * when its write-ahead log is lost and a timeout would make it vote nil.
 */
class CrashBetweenSignAndSendTest {
    final NodeFixture fx = new NodeFixture();
    final LocalNodeSigner self = fx.nonProposer(0);
    final LocalNodeSigner proposer = fx.proposer(1, 0);
    final Block block = fx.block(1, proposer, "t-1");
    final Hash32 id = MessageCodec.blockId(block);

    @Test
    void restartResendsTheSameSignedPrevote() throws Exception {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        NodeFixture.TestApp app = new NodeFixture.TestApp();
        ConsensusNode first = fx.node(self, store, app);
        first.start();
        List<SignedVote> signed = fx.broadcastVotes(first.onMessage(proposer.address(), fx.proposal(proposer, 1, 0, block)));
        assertEquals(1, signed.size());
        assertEquals(id, signed.get(0).vote().blockId());
        // killed here: nothing of the above was sent

        ConsensusNode restarted = fx.node(self, store, app);
        List<SignedVote> resent = fx.broadcastVotes(restarted.start());
        assertEquals(List.of(signed.get(0)), resent, "the same signed prevote, byte for byte");
        assertEquals(0, restarted.signRefusals());
    }

    @Test
    void guardRefusesAConflictingValueEvenWithoutTheLog() throws Exception {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        NodeFixture.TestApp app = new NodeFixture.TestApp();
        ConsensusNode first = fx.node(self, store, app);
        first.start();
        SignedVote prevote = fx.broadcastVotes(first.onMessage(proposer.address(), fx.proposal(proposer, 1, 0, block))).get(0);

        // lose the write-ahead log (not the signed-message records) and restart: the node no longer knows the proposal
        var wal = store.database(DatabaseName.of("consensus.wal.v1"));
        store.commit(store.newBatch().deleteRange(wal, Bytes.wrap(new byte[1]), Bytes.wrap(new byte[] {(byte) 0xff})));
        ConsensusNode restarted = fx.node(self, store, app);
        restarted.start();
        // the propose timeout fires: the paper says prevote nil (L59); the guard must return the earlier prevote instead
        List<SignedVote> sent = fx.broadcastVotes(restarted.onTimer(new TimerKey.Timeout(RoundStep.PROPOSE, 1, 0)));
        assertTrue(sent.stream().allMatch(v -> v.equals(prevote)), "no second prevote for (1, 0): " + sent);
        assertTrue(sent.stream().noneMatch(v -> v.vote().kind() == VoteKind.PREVOTE && v.vote().isNil()));
        assertEquals(1, restarted.signRefusals());
    }
}
