package seqpool.consensus.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;

class VoteKeeperTest {
    static final Hash32 X = Hash32.fromHex("0x" + "11".repeat(32));
    static final Address A = addr(1), B = addr(2), C = addr(3), D = addr(4), E = addr(5);
    static final EcdsaSignature SIG = new EcdsaSignature(Bytes.wrap(new byte[32]), Bytes.wrap(new byte[32]), 27);

    static Address addr(int i) {
        return Address.fromHex(String.format("0x%040x", i));
    }

    static SignedVote v(VoteKind k, int round, Hash32 value, Address voter) {
        return new SignedVote(new Vote(k, 1, round, value, voter), SIG);
    }

    /** Powers 1,1,1,1 and 2: total 6; quorum needs > 4, skip needs > 2. */
    static VoteKeeper keeper() {
        return new VoteKeeper(1, new ValidatorSet(List.of(new Validator(A, 1), new Validator(B, 1), new Validator(C, 1),
                new Validator(D, 1), new Validator(E, 2))));
    }

    @Test
    void quorumIsStrictlyMoreThanTwoThirdsOfPower() {
        VoteKeeper k = keeper();
        k.add(v(VoteKind.PREVOTE, 0, X, E));
        k.add(v(VoteKind.PREVOTE, 0, X, A));
        k.add(v(VoteKind.PREVOTE, 0, X, B));
        assertFalse(k.hasQuorumFor(VoteKind.PREVOTE, 0, X), "4 of 6 is exactly 2/3, not more");
        k.add(v(VoteKind.PREVOTE, 0, X, C));
        assertTrue(k.hasQuorumFor(VoteKind.PREVOTE, 0, X));
    }

    @Test
    void anyCountsValuesAndNilTogether() {
        VoteKeeper k = keeper();
        k.add(v(VoteKind.PRECOMMIT, 2, X, E));
        k.add(v(VoteKind.PRECOMMIT, 2, Hash32.ZERO, A));
        k.add(v(VoteKind.PRECOMMIT, 2, Hash32.ZERO, B));
        assertFalse(k.hasQuorumAny(VoteKind.PRECOMMIT, 2));
        k.add(v(VoteKind.PRECOMMIT, 2, X, C));
        assertTrue(k.hasQuorumAny(VoteKind.PRECOMMIT, 2));
        assertFalse(k.hasQuorumFor(VoteKind.PRECOMMIT, 2, X));
    }

    @Test
    void skipRoundNeedsMoreThanOneThird() {
        VoteKeeper k = keeper();
        k.add(v(VoteKind.PREVOTE, 4, X, A));
        k.add(v(VoteKind.PRECOMMIT, 4, X, B));
        assertEquals(Optional.empty(), k.highestSkipRoundAbove(0), "2 of 6 is exactly 1/3");
        k.add(v(VoteKind.PREVOTE, 4, X, C));
        assertEquals(Optional.of(4), k.highestSkipRoundAbove(0));
        assertEquals(Optional.empty(), k.highestSkipRoundAbove(4));
    }

    @Test
    void duplicatesCountOnceAndNonValidatorsNotAtAll() {
        VoteKeeper k = keeper();
        assertEquals(VoteAddResult.ADDED, k.add(v(VoteKind.PREVOTE, 0, X, E)));
        assertEquals(VoteAddResult.DUPLICATE, k.add(v(VoteKind.PREVOTE, 0, X, E)));
        assertEquals(VoteAddResult.NOT_A_VALIDATOR, k.add(v(VoteKind.PREVOTE, 0, X, addr(9))));
        assertEquals(1, k.votesOf(0).size());
    }

    /** A large set: every vote's power comes from the set by address (a map since 1.0; the speed is a benchmark's). */
    @Test
    void twentyThousandValidatorsReachAQuorumByPower() {
        int n = 20_000;
        List<Validator> vs = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            vs.add(new Validator(addr(i), i <= 2 ? 10_000 : 1));
        }
        VoteKeeper k = new VoteKeeper(1, new ValidatorSet(vs));
        for (int i = 1; i <= n / 2; i++) {
            k.add(v(VoteKind.PREVOTE, 0, X, addr(i)));
        }
        // total 20,000 + 19,998 = 39,998; the first half holds 20,000 + 9,998 = 29,998 > 2/3 · 39,998 = 26,665.3
        assertTrue(k.hasQuorumFor(VoteKind.PREVOTE, 0, X));
        VoteKeeper few = new VoteKeeper(1, new ValidatorSet(vs));
        for (int i = 3; i <= n; i++) {
            few.add(v(VoteKind.PREVOTE, 0, X, addr(i)));
        }
        assertFalse(few.hasQuorumFor(VoteKind.PREVOTE, 0, X), "19,998 of 39,998 is no quorum: power, not count");
    }

    @Test
    void equivocationGivesEvidenceAndCountsPerValueAsThePaper() {
        VoteKeeper k = keeper();
        k.add(v(VoteKind.PREVOTE, 0, X, E));
        VoteAddResult r = k.add(v(VoteKind.PREVOTE, 0, Hash32.ZERO, E));
        VoteAddResult.Equivocation e = assertInstanceOf(VoteAddResult.Equivocation.class, r);
        assertEquals(E, e.evidence().offender());
        k.add(v(VoteKind.PREVOTE, 0, X, A));
        k.add(v(VoteKind.PREVOTE, 0, X, B));
        k.add(v(VoteKind.PREVOTE, 0, X, C));
        assertTrue(k.hasQuorumFor(VoteKind.PREVOTE, 0, X), "E's X message counts for X");
        // "any" counts E once: E(2)+A+B+C = 5 > 4
        assertTrue(k.hasQuorumAny(VoteKind.PREVOTE, 0));
    }
}
