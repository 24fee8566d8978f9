package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.SINK;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.start;
import static seqpool.sequencer.evm.EvmFixtures.transfer;
import static seqpool.sequencer.evm.EvmFixtures.transfers;
import static seqpool.sequencer.evm.EvmFixtures.ts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.TxCheck;

/** Rewind, restart by replay, and a crashed anvil. */
class AnvilLifecycleIT {

    @Test
    void rewindUndoesBlocksAndTheNextBlockMatchesAnEngineThatNeverSawThem() throws Exception {
        try (AnvilEngine a = start("rewind-a"); AnvilEngine b = start("rewind-b")) {
            List<BlockExecution> made = new ArrayList<>();
            for (long n = 1; n <= 5; n++) {
                made.add(a.produce(n, ts(n), transfers(40, 4, (n - 1) * 10)));
                if (n <= 3) {
                    BlockExecution m = made.get((int) n - 1);
                    b.replay(n, ts(n), m.included(), m.stateRoot());
                }
            }
            a.rewindTo(3);
            assertEquals(3, a.headNumber());
            assertEquals(made.get(2).engineBlockHash(), a.headHash());
            assertEquals(made.get(2).stateRoot(), a.stateRoot());
            assertEquals(b.headHash(), a.headHash());
            assertEquals(0, a.pendingTransactions());

            // another block 4 (the next producer's), with a later timestamp than the undone one
            List<Bytes> other = List.of(transfer(dev(7), 0, SINK, BigInteger.TEN), transfer(dev(0), 30, SINK,
                    BigInteger.ONE));
            BlockExecution a4 = a.produce(4, ts(4) + 500, other);
            assertEquals(other, a4.included(), "dev(0)'s nonce is back at 30");
            BlockExecution b4 = b.replay(4, ts(4) + 500, a4.included(), a4.stateRoot());
            assertEquals(a4.engineBlockHash(), b4.engineBlockHash(), "same base fee and state after the rollback");
            assertNotEquals(made.get(3).engineBlockHash(), a4.engineBlockHash());

            a.rewindTo(4); // the head: nothing to do
            assertEquals(4, a.headNumber());
            assertThrows(ExecutionException.class, () -> a.rewindTo(5), "above the head");
            assertThrows(ExecutionException.class, () -> a.rewindTo(-1), "below genesis");
            a.rewindTo(0);
            assertEquals(0, a.headNumber());
            BlockExecution again = a.produce(1, ts(1), made.get(0).included());
            assertEquals(made.get(0).engineBlockHash(), again.engineBlockHash(), "the chain replays from genesis");
        }
    }

    @Test
    void rewindIsBoundedByTheConfiguredDepth() throws Exception {
        try (AnvilEngine a = AnvilEngine.start(EvmFixtures.settings("depth").withMaxRewindDepth(2))) {
            for (long n = 1; n <= 4; n++) {
                a.produce(n, ts(n), List.of());
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> a.rewindTo(1));
            assertTrue(e.getMessage().contains("at most 2 blocks back"), e.getMessage());
            assertEquals(4, a.headNumber());
            a.rewindTo(2);
            assertEquals(2, a.headNumber());
        }
    }

    @Test
    void aRestartedEngineRebuildsTheChainByReplayingItsBlocks() throws Exception {
        List<BlockInput> stored = new ArrayList<>();
        Hash32 headHash;
        Hash32 headRoot;
        try (AnvilEngine first = start("restart-1")) {
            for (long n = 1; n <= 25; n++) {
                BlockExecution b = first.produce(n, ts(n), transfers((int) (n % 7) * 3, 3, nonceBefore(n)));
                stored.add(new BlockInput(n, ts(n), b.included(), b.stateRoot()));
            }
            headHash = first.headHash();
            headRoot = first.stateRoot();
        } // anvil stopped: its state is gone
        try (AnvilEngine second = start("restart-2")) {
            assertEquals(0, second.headNumber());
            assertEquals(25, second.rebuild(stored));
            assertEquals(25, second.headNumber());
            assertEquals(headHash, second.headHash());
            assertEquals(headRoot, second.stateRoot());
        }
        List<BlockInput> tampered = new ArrayList<>(stored);
        BlockInput b9 = stored.get(8);
        tampered.set(8, new BlockInput(9, b9.timestampMillis(), b9.transactions().subList(0, 5),
                b9.expectedStateRoot())); // its last transfer left out
        try (AnvilEngine third = start("restart-3")) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> third.rebuild(tampered));
            assertTrue(e.getMessage().startsWith("block 9 refused: state root mismatch: expected "
                    + b9.expectedStateRoot()), e.getMessage());
            assertEquals(8, third.headNumber(), "the blocks before the bad one stay");
        }
    }

    /** The nonce of each of dev(0..2) before block n of the restart test (3 senders, (n % 7) transfers each). */
    private static long nonceBefore(long n) {
        long nonce = 0;
        for (long k = 1; k < n; k++) {
            nonce += k % 7;
        }
        return nonce;
    }

    @Test
    void aCrashedAnvilIsAClearError() throws Exception {
        try (AnvilEngine engine = start("crash")) {
            engine.produce(1, ts(1), transfers(3, 3, 0));
            ProcessHandle anvil = ProcessHandle.of(engine.pid()).orElseThrow();
            anvil.destroyForcibly();
            anvil.onExit().get(10, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> engine.produce(2, ts(2), transfers(3, 3, 1)));
            assertTrue(e.getMessage().contains("anvil (pid " + engine.pid() + ") exited"), e.getMessage());
            assertTrue(e.getMessage().contains("rebuild"), e.getMessage());
            assertThrows(ExecutionException.class, () -> engine.replay(2, ts(2), List.of(), Hash32.ZERO));
            assertThrows(ExecutionException.class, () -> engine.rewindTo(0));
            TxCheck check = engine.check(transfer(dev(0), 1, SINK, BigInteger.ONE));
            assertTrue(check instanceof TxCheck.Invalid i && i.code() == -32603
                    && i.message().startsWith("execution engine unavailable: anvil (pid"), check.toString());
            assertEquals(1, engine.headNumber(), "the last block it executed");
            assertFalse(anvil.isAlive());
        }
    }
}
