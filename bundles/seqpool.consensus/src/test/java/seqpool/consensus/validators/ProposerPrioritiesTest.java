package seqpool.consensus.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Address;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.ValidatorUpdate;

/**
 * Proposer priority cases worked out by hand from CometBFT's documented algorithm (spec/consensus/proposer-selection):
 * add power, pick the highest (ties: smaller address), subtract the total; rescale to 2×total, centre by the floor
 * average; new validators at −(P + P/8).
 */
class ProposerPrioritiesTest {
    static final Address A = addr(1), B = addr(2), C = addr(3), D = addr(4);

    static Address addr(int i) {
        return Address.fromHex(String.format("0x%040x", i));
    }

    static ValidatorSet set(long a, long b, long c) {
        return new ValidatorSet(List.of(new Validator(A, a), new Validator(B, b), new Validator(C, c)));
    }

    @Test
    void genesisThenRotation() {
        // genesis: all enter at -(6 + 0) = -6, centred to 0; +power (1,2,3) -> C; C -= 6 -> (1,2,-3)
        ProposerPriorities p = ProposerPriorities.genesis(set(1, 2, 3));
        assertEquals(C, p.proposer());
        assertEquals(List.of(1L, 2L, -3L), prio(p, A, B, C));
        // (2,4,0) B -> (2,-2,0); (3,0,3) tie A/C -> A -> (-3,0,3); (-2,2,6) C -> (-2,2,0);
        // (-1,4,3) B -> (-1,-2,3); (0,0,6) C -> (0,0,0)
        List<Address> expected = List.of(B, A, C, B, C, C);
        List<Address> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            p = p.increment(1);
            got.add(p.proposer());
        }
        assertEquals(expected, got);
    }

    static Stream<Arguments> setChanges() {
        return Stream.of(
                // add D(2): total 8, D at -(8+1) = -9; (1,2,-3,-9) centred by floor(-9/4) = -3 -> (4,5,0,-6);
                // increment: +power (5,7,3,-4) -> B
                Arguments.of("add D", List.of(new ValidatorUpdate(D, 2)), B, Map.of(A, 5L, B, -1L, C, 3L, D, -4L)),
                // remove C: (1,2) centred by floor(3/2) = 1 -> (0,1); increment (1,3) -> B -> (1,0)
                Arguments.of("remove C", List.of(new ValidatorUpdate(C, 0)), B, Map.of(A, 1L, B, 0L)),
                // A to power 5: priorities kept (1,2,-3), total 10; increment (6,4,0) -> A -> (-4,4,0)
                Arguments.of("A to 5", List.of(new ValidatorUpdate(A, 5)), A, Map.of(A, -4L, B, 4L, C, 0L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setChanges")
    void setChange(String name, List<ValidatorUpdate> updates, Address proposer, Map<Address, Long> after) {
        ProposerPriorities p = ProposerPriorities.genesis(set(1, 2, 3)).withUpdates(updates).increment(1);
        assertEquals(proposer, p.proposer());
        for (var e : after.entrySet()) {
            assertEquals(e.getValue(), p.priorityOf(e.getKey()), "priority of " + e.getKey());
        }
    }

    @Test
    void rescalesWhenSpreadExceedsTwiceTotal() {
        // powers (1,1), priorities (7,-8): diff 15 > 4 -> ratio ceil(15/4) = 4 -> (1,-2) (truncation);
        // centre floor(-1/2) = -1 -> (2,-1); +power (3,0) -> A -> (1,0)
        ValidatorSet two = new ValidatorSet(List.of(new Validator(A, 1), new Validator(B, 1)));
        ProposerPriorities p = ProposerPriorities.of(two, Map.of(A, 7L, B, -8L), null).increment(1);
        assertEquals(A, p.proposer());
        assertEquals(List.of(1L, 0L), prio(p, A, B));
    }

    @Test
    void updatesAtHeightHTakeEffectAtHPlus2() {
        ValidatorSchedule s1 = ValidatorSchedule.genesis(set(1, 2, 3));
        ValidatorSchedule s2 = s1.afterCommit(List.of(new ValidatorUpdate(D, 2)));
        assertEquals(3, s2.validators().size(), "height 2 still has the genesis set");
        ValidatorSchedule s3 = s2.afterCommit(List.of());
        assertEquals(4, s3.validators().size(), "height 3 has D");
        // round r proposer = set(h) incremented r more times
        assertEquals(s1.current().increment(2).proposer(), s1.proposer(2));
    }

    /**
     * CometBFT clips priorities at the int64 limits ({@code safeAddClip}/{@code safeSubClip}), not at a multiple of the
     * total power. Genesis: A alone with power M − 20, M = MaxTotalVotingPower = 2^63−1 div 8 = 2^60−1 =
     * 1152921504606846975. Committing height 1 adds 20 validators of power 1 (total M), effective at height 3.
     * Derivation (checked with an independent Python model of types/validator_set.go, int64 and big.Int semantics):
     * A's priority is 0 at heights 1 and 2 (alone). The update gives each new validator −(M + (M >> 3)) =
     * −1297036692682702846; the 21 sum to 20 × that = −25940733853654056920, whose floor average is
     * −1235273040650193187: after the shift A = 1235273040650193187, each new one −61763652032509659 (sum 7). The
     * increment: no rescale (spread ≤ 2M), average floor(7/21) = 0; A + (M − 20) = 2388194545257040142 — above 2M
     * (the old clip made it 2M and A ended at M) but far below 2^63 − 1 — is the highest, minus M:
     * A = 1235273040650193167; the others −61763652032509658.
     */
    @Test
    void clipsAtInt64LimitsLikeCometBft() {
        long m = ValidatorSet.MAX_TOTAL_POWER;
        assertEquals(1152921504606846975L, m);
        Address big = addr(0x100);
        ValidatorSchedule s = ValidatorSchedule.genesis(new ValidatorSet(List.of(new Validator(big, m - 20))));
        List<ValidatorUpdate> adds = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            adds.add(new ValidatorUpdate(addr(i), 1));
        }
        s = s.afterCommit(adds).afterCommit(List.of());
        assertEquals(3, s.height());
        assertEquals(21, s.validators().size());
        assertEquals(big, s.proposer(0));
        assertEquals(1235273040650193167L, s.current().priorityOf(big));
        for (int i = 1; i <= 20; i++) {
            assertEquals(-61763652032509658L, s.current().priorityOf(addr(i)), "validator " + i);
        }
    }

    @Test
    void addAndSubtractSaturateAtLongLimits() {
        assertEquals(Long.MAX_VALUE, ProposerPriorities.addClip(Long.MAX_VALUE - 1, 5));
        assertEquals(Long.MIN_VALUE, ProposerPriorities.addClip(Long.MIN_VALUE + 1, -5));
        assertEquals(Long.MIN_VALUE, ProposerPriorities.subClip(Long.MIN_VALUE + 1, 5));
        assertEquals(Long.MAX_VALUE, ProposerPriorities.subClip(Long.MAX_VALUE - 1, -5));
        assertEquals(7, ProposerPriorities.addClip(3, 4));
        assertEquals(-1, ProposerPriorities.subClip(3, 4));
    }

    private static List<Long> prio(ProposerPriorities p, Address... as) {
        List<Long> out = new ArrayList<>();
        for (Address a : as) {
            out.add(p.priorityOf(a));
        }
        return out;
    }
}
