package seqpool.consensus.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;
import seqpool.consensus.validators.ValidatorSchedule;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SignedProposal;

/** n4f1: the round's proposer equivocates with many proposals; the honest quorum's value must still be decided. */
class DriverProposalBookTest {
    static final EcdsaSignature SIG = new EcdsaSignature(Bytes.wrap(new byte[32]), Bytes.wrap(new byte[32]), 27);
    final List<Address> vals = List.of(addr(1), addr(2), addr(3), addr(4));
    final ValidatorSet set = new ValidatorSet(vals.stream().map(a -> new Validator(a, 1)).toList());
    final ValidatorSchedule schedule = ValidatorSchedule.genesis(set);
    final Address proposer = schedule.proposer(0);
    final Address self = vals.stream().filter(a -> !a.equals(proposer)).findFirst().orElseThrow();

    static Address addr(int i) {
        return Address.fromHex(String.format("0x%040x", i));
    }

    ReceivedProposal proposal(int round, String tx) {
        Block b = new Block(1, Hash32.ZERO, proposer, List.of(Bytes.utf8(tx)), List.of());
        Hash32 id = MessageCodec.blockId(b);
        return new ReceivedProposal(new SignedProposal(1, round, -1, id, proposer, SIG), b, id, true);
    }

    static SignedVote vote(VoteKind k, int round, Hash32 id, Address voter) {
        return new SignedVote(new Vote(k, 1, round, id, voter), SIG);
    }

    List<Address> othersThanSelf() {
        return vals.stream().filter(a -> !a.equals(self)).toList();
    }

    @Test
    void equivocatingProposerCannotHideTheQuorumValue() {
        Driver d = new Driver(schedule, self);
        d.start();
        List<ReceivedProposal> sent = new ArrayList<>();
        for (int i = 0; i < 3 * Driver.MAX_PROPOSALS_PER_ROUND; i++) {
            ReceivedProposal p = proposal(0, "t-" + i);
            sent.add(p);
            d.onProposal(p);
        }
        ReceivedProposal chosen = sent.get(sent.size() - 1); // the one the honest nodes saw first
        List<DriverEffect> out = new ArrayList<>();
        for (Address a : othersThanSelf()) {
            out.addAll(d.onVote(vote(VoteKind.PREVOTE, 0, chosen.blockId(), a)));
        }
        assertTrue(out.contains(new DriverEffect.SignVote(new Vote(VoteKind.PRECOMMIT, 1, 0, chosen.blockId(), self))),
                "L36: precommit for the polka value, got " + out);
        for (Address a : othersThanSelf()) {
            out.addAll(d.onVote(vote(VoteKind.PRECOMMIT, 0, chosen.blockId(), a)));
        }
        List<DriverEffect.Decided> decided = out.stream().filter(e -> e instanceof DriverEffect.Decided)
                .map(e -> (DriverEffect.Decided) e).toList();
        assertEquals(1, decided.size(), "decided once: " + out);
        assertEquals(chosen.blockId(), decided.get(0).blockId());
        assertEquals(chosen.block(), decided.get(0).block());
    }

    @Test
    void quorumValueArrivingAfterTheFloodIsAdmitted() {
        Driver d = new Driver(schedule, self);
        d.start();
        for (int i = 0; i < 3 * Driver.MAX_PROPOSALS_PER_ROUND; i++) {
            d.onProposal(proposal(0, "t-" + i));
        }
        ReceivedProposal late = proposal(0, "t-late");
        List<DriverEffect> out = new ArrayList<>();
        for (Address a : othersThanSelf()) {
            out.addAll(d.onVote(vote(VoteKind.PRECOMMIT, 0, late.blockId(), a)));
        }
        out.addAll(d.onProposal(late));
        assertTrue(out.stream().anyMatch(e -> e instanceof DriverEffect.Decided dd && dd.blockId().equals(late.blockId())),
                "L49 with the late proposal: " + out);
    }

    @Test
    void theBookStaysBounded() {
        Driver d = new Driver(schedule, self);
        d.start();
        for (int i = 0; i < 100; i++) {
            d.onProposal(proposal(0, "t-" + i));
        }
        assertTrue(d.proposalsOf(0).size() <= Driver.MAX_PROPOSALS_PER_ROUND, "size " + d.proposalsOf(0).size());
    }
}
