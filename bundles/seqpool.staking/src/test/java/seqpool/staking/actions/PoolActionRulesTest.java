package seqpool.staking.actions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.api.common.Bytes;
import seqpool.api.staking.PoolChainState;
import seqpool.api.staking.StakingException;

/** The AlreadyDone rule of each pool action, as tables: L1 counter, requested sequence number, expected outcome. */
class PoolActionRulesTest {
    private static PoolChainState state(long epoch, int rotations, long rewardBatch, long actionNonce) {
        return new PoolChainState(77, epoch, rotations, rewardBatch, 0, actionNonce, 1, Bytes.wrap(new byte[64]));
    }

    @ParameterizedTest(name = "L1 epoch {0}, commit {1} -> done {2}")
    @CsvSource({"0, 1, false", "1, 1, true", "2, 1, true", "4, 5, false", "5, 5, true", "4, 6, false"})
    void commitEpoch(long current, long epochId, boolean done) {
        Optional<String> why = PoolActionRules.commitEpoch(epochId, state(current, 0, 0, 0));
        assertEquals(done, why.isPresent());
        why.ifPresent(w -> assertTrue(w.contains("epoch " + epochId) && w.contains("L1 block 77"), w));
    }

    @ParameterizedTest(name = "range [{0},{1}] vs L1 [{2},{3}] -> note {4}")
    @CsvSource({"100, 199, 100, 199, false", "100, 150, 100, 199, true", "99, 199, 100, 199, true"})
    void commitEpochNamesADifferentRange(long first, long last, long l1First, long l1Last, boolean note) {
        String n = PoolActionRules.rangeNote(first, last, l1First, l1Last);
        assertEquals(note, !n.isEmpty(), n);
    }

    @ParameterizedTest(name = "L1 rotations {0}, rotation {1} -> done {2}, refused {3}")
    @CsvSource({"0, 1, false, false", "1, 1, true, false", "3, 2, true, false", "1, 2, false, false",
            "0, 2, false, true", "1, 3, false, true"})
    void recommitEpoch(int l1Rotations, int rotation, boolean done, boolean refused) {
        Optional<String> why = PoolActionRules.recommitEpoch(4, rotation, l1Rotations, state(4, l1Rotations, 0, 0));
        assertEquals(done, why.isPresent());
        why.ifPresent(w -> assertTrue(w.contains("rotation " + rotation + " of epoch 4"), w));
        if (refused) {
            StakingException e = assertThrows(StakingException.class,
                    () -> PoolActionRules.requireNextRotation(4, rotation, l1Rotations));
            assertTrue(e.getMessage().contains("expects rotation " + (l1Rotations + 1)), e.getMessage());
            assertTrue(e.revertReason().isEmpty(), "nothing was sent, nothing reverted");
        } else {
            assertDoesNotThrow(() -> PoolActionRules.requireNextRotation(4, rotation, l1Rotations));
        }
    }

    @ParameterizedTest(name = "L1 poolActionNonce {0}, signed for {1} -> done {2}, refused {3}")
    @CsvSource({"0, 1, false, false", "1, 1, true, false", "5, 3, true, false", "5, 6, false, false",
            "5, 7, false, true", "0, 2, false, true"})
    void jail(long l1Nonce, long actionNonce, boolean done, boolean refused) {
        PoolChainState s = state(0, 0, 0, l1Nonce);
        Optional<String> why = PoolActionRules.poolAction(actionNonce, s);
        assertEquals(done, why.isPresent());
        why.ifPresent(w -> assertTrue(w.contains("nonce " + actionNonce + " is already used"), w));
        if (refused) {
            StakingException e = assertThrows(StakingException.class,
                    () -> PoolActionRules.requireNextActionNonce("jail", actionNonce, s));
            assertTrue(e.getMessage().startsWith("jail not sent") && e.getMessage().contains("expects " + (l1Nonce + 1)),
                    e.getMessage());
        } else {
            assertDoesNotThrow(() -> PoolActionRules.requireNextActionNonce("jail", actionNonce, s));
        }
    }

    @ParameterizedTest(name = "L1 last batch {0}, batch {1} -> done {2}")
    @CsvSource({"0, 1, false", "1, 1, true", "3, 2, true", "3, 4, false", "3, 9, false"})
    void submitRewards(long l1Batch, long batchId, boolean done) {
        Optional<String> why = PoolActionRules.submitRewards(batchId, state(0, 0, l1Batch, 0));
        assertEquals(done, why.isPresent());
        why.ifPresent(w -> assertTrue(w.contains("reward batch " + batchId), w));
    }

    @ParameterizedTest(name = "evidence used {0} -> done {0}")
    @CsvSource({"false", "true"})
    void slashDoubleSign(boolean used) {
        Optional<String> why = PoolActionRules.slashDoubleSign(used, "0xabc", 9);
        assertEquals(used, why.isPresent());
        why.ifPresent(w -> assertTrue(w.contains("0xabc") && w.contains("L1 block 9"), w));
    }
}
