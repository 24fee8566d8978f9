package seqpool.consensus.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.validators.ProposerPriorities;
import seqpool.consensus.validators.ValidatorSchedule;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.store.memory.InMemoryKeyValueStore;

/** A submitted transaction goes to the next heights' proposers only, or to everybody with a fan-out of 0. */
class TxForwardingTest {
    final NodeFixture fx = new NodeFixture();

    private ConsensusNode node(LocalNodeSigner self, int fanOut) throws Exception {
        ConsensusNode n = new ConsensusNode(fx.config.withTxForwardProposers(fanOut), self, SignatureVerifier.SECP256K1,
                new InMemoryKeyValueStore(), new NodeFixture.TestApp(), fx.set, TraceSink.NONE, Map.of());
        n.start();
        return n;
    }

    /** The round-0 proposers of heights 2, 3, … other than {@code self}, in order, as the node should compute them. */
    private List<Address> expectedTargets(Address self, int count) {
        List<Address> out = new ArrayList<>();
        ProposerPriorities p = ValidatorSchedule.genesis(fx.set).next();
        for (int i = 0; out.size() < count && i < 8; i++) {
            if (!p.proposer().equals(self) && !out.contains(p.proposer())) {
                out.add(p.proposer());
            }
            p = p.increment(1);
        }
        return out;
    }

    @Test
    void forwardsToTheNextProposersOnly() throws Exception {
        for (LocalNodeSigner self : fx.keys) {
            ConsensusNode n = node(self, 2);
            assertEquals(SubmitResult.ACCEPTED, n.submit(Bytes.utf8("t-forward")));
            List<NodeAction> acts = n.flush();
            Set<Address> recipients = new HashSet<>();
            for (NodeAction a : acts) {
                assertFalse(a instanceof NodeAction.Broadcast b && fx.codec.decode(b.payload()) instanceof ConsensusMessage.Txs,
                        "no broadcast of transactions with a fan-out");
                if (a instanceof NodeAction.SendTo s && fx.codec.decode(s.payload()) instanceof ConsensusMessage.Txs t) {
                    assertEquals(List.of(Bytes.utf8("t-forward")), t.txs());
                    recipients.add(s.peer());
                }
            }
            assertEquals(Set.copyOf(expectedTargets(self.address(), 2)), recipients);
            assertFalse(recipients.contains(self.address()));
        }
    }

    @Test
    void fanOutZeroBroadcasts() throws Exception {
        ConsensusNode n = node(fx.keys.get(0), 0);
        n.submit(Bytes.utf8("t-all"));
        assertTrue(n.flush().stream().anyMatch(a -> a instanceof NodeAction.Broadcast b
                && decodes(b.payload()) instanceof ConsensusMessage.Txs));
    }

    private ConsensusMessage decodes(Bytes payload) {
        try {
            return fx.codec.decode(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
