package seqpool.staking.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Hash32;
import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.StakingException;
import seqpool.api.staking.TxOutcome;

/** Check, send, re-check: when a transaction is sent, and what a failure turns into. */
class AlreadyDoneGuardTest {
    private static final TxOutcome MINED = new TxOutcome(Hash32.ZERO, 12, 50_000);

    /** Answers the checks in order; counts them. */
    private static final class Checks implements AlreadyDoneGuard.Check {
        final Deque<Optional<String>> answers;
        int calls;

        Checks(List<Optional<String>> answers) {
            this.answers = new ArrayDeque<>(answers);
        }

        @Override
        public Optional<String> alreadyDone() {
            calls++;
            return answers.removeFirst();
        }
    }

    @Test
    void alreadyOnL1MeansNothingIsSent() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        PoolActionResult r = AlreadyDoneGuard.run(new Checks(List.of(Optional.of("epoch 3 is already committed"))),
                () -> {
                    sends.incrementAndGet();
                    return MINED;
                });
        assertEquals(new PoolActionResult.AlreadyDone("epoch 3 is already committed"), r);
        assertEquals(0, sends.get());
    }

    @Test
    void notOnL1MeansSent() throws Exception {
        Checks checks = new Checks(List.of(Optional.empty()));
        assertEquals(new PoolActionResult.Sent(MINED), AlreadyDoneGuard.run(checks, () -> MINED));
        assertEquals(1, checks.calls, "no re-check after success");
    }

    @Test
    void aRevertBecauseAnotherSenderWasFirstIsAlreadyDone() throws Exception {
        Checks checks = new Checks(List.of(Optional.empty(), Optional.of("reward batch 2 is already submitted")));
        PoolActionResult r = AlreadyDoneGuard.run(checks, () -> {
            throw new StakingException("submitRewards(batch 2) would revert (gas estimation)",
                    "NonContiguousRewardBatch(3, 2)");
        });
        PoolActionResult.AlreadyDone done = assertInstanceOf(PoolActionResult.AlreadyDone.class, r);
        assertTrue(done.why().startsWith("reward batch 2 is already submitted; found after"), done.why());
        assertTrue(done.why().contains("NonContiguousRewardBatch"), done.why());
        assertEquals(2, checks.calls);
    }

    @Test
    void aRevertWithL1StillWithoutTheActionIsThrown() {
        StakingException revert = new StakingException("commitEpoch(1) would revert (gas estimation)",
                "InvalidPoolSignature(1)");
        Checks checks = new Checks(List.of(Optional.empty(), Optional.empty()));
        StakingException e = assertThrows(StakingException.class, () -> AlreadyDoneGuard.run(checks, () -> {
            throw revert;
        }));
        assertSame(revert, e);
        assertEquals("InvalidPoolSignature(1)", e.revertReason().orElseThrow());
        assertEquals(2, checks.calls);
    }

    @Test
    void aFailingReCheckKeepsTheOriginalFailure() {
        StakingException timeout = new StakingException("jail: receipt timeout", new IOException("timeout"));
        AtomicInteger calls = new AtomicInteger();
        StakingException e = assertThrows(StakingException.class, () -> AlreadyDoneGuard.run(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new StakingException("cannot read the L1 head", new IOException("connection refused"));
            }
            return Optional.empty();
        }, () -> {
            throw timeout;
        }));
        assertSame(timeout, e);
        assertEquals("cannot read the L1 head", e.getSuppressed()[0].getMessage());
    }

    @Test
    void aRefusingCheckStopsBeforeSending() {
        AtomicInteger sends = new AtomicInteger();
        StakingException e = assertThrows(StakingException.class, () -> AlreadyDoneGuard.run(() -> {
            throw new StakingException("jail not sent: signed for pool-action nonce 4", (String) null);
        }, () -> {
            sends.incrementAndGet();
            return MINED;
        }));
        assertTrue(e.getMessage().startsWith("jail not sent"));
        assertEquals(0, sends.get());
    }
}
