package seqpool.consensus.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;

class PreVerifierTest {
    private final NodeConfig config = HostFixture.config(1000, 500, 250);
    private final LocalNodeSigner alice = HostFixture.signers(2, 0x71).get(0);
    private final LocalNodeSigner bob = HostFixture.signers(2, 0x71).get(1);
    private final AtomicInteger recoveries = new AtomicInteger();
    private final SignatureVerifier counting = (d, s, a) -> {
        recoveries.incrementAndGet();
        return SignatureVerifier.SECP256K1.verify(d, s, a);
    };

    private Vote vote() {
        return new Vote(VoteKind.PREVOTE, 3, 0, Hash32.fromHex("0x" + "ab".repeat(32)), alice.address());
    }

    private Bytes payload(SignedVote sv) {
        return new MessageCodec(config.limits()).encode(new ConsensusMessage.VoteMsg(sv));
    }

    @Test
    void aVoteVerifiedOnTheIoThreadIsNotRecoveredAgainOnTheEventThread() {
        PreVerifier pv = new PreVerifier(counting, config, () -> 3);
        Hash32 digest = config.digests().vote(vote());
        EcdsaSignature sig = alice.sign(digest);
        pv.preverify(payload(new SignedVote(vote(), sig)));
        assertEquals(1, recoveries.get());
        pv.preverify(payload(new SignedVote(vote(), sig)));
        assertEquals(1, recoveries.get(), "a retransmitted copy is not recovered again");
        assertTrue(pv.verify(digest, sig, alice.address()));
        assertEquals(1, recoveries.get(), "the remembered triple answers without a second recovery");
        assertFalse(pv.verify(digest, sig, bob.address()), "a remembered signature does not vouch for another signer");
        assertEquals(2, recoveries.get());
    }

    @Test
    void aForgedVoteIsNotRememberedAndStillFailsOnTheEventThread() {
        PreVerifier pv = new PreVerifier(counting, config, () -> 3);
        Hash32 digest = config.digests().vote(vote());
        EcdsaSignature forged = bob.sign(digest); // claims alice as voter
        pv.preverify(payload(new SignedVote(vote(), forged)));
        assertEquals(0, pv.remembered());
        assertFalse(pv.verify(digest, forged, alice.address()));
    }

    @Test
    void votesOfADecidedHeightAreNotChecked() {
        PreVerifier pv = new PreVerifier(counting, config, () -> 4);
        Hash32 digest = config.digests().vote(vote()); // height 3, already decided
        pv.preverify(payload(new SignedVote(vote(), alice.sign(digest))));
        assertEquals(0, recoveries.get());
        assertEquals(0, pv.remembered());
    }

    @Test
    void malformedPayloadsAreLeftForTheNode() {
        PreVerifier pv = new PreVerifier(counting, config, () -> 3);
        pv.preverify(Bytes.wrap(new byte[] {9, 9, 9}));
        pv.preverify(Bytes.wrap(new byte[0]));
        assertEquals(0, pv.remembered());
        assertEquals(0, recoveries.get());
    }
}
