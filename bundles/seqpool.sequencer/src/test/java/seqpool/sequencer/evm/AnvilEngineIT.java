package seqpool.sequencer.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.sequencer.evm.EvmFixtures.SINK;
import static seqpool.sequencer.evm.EvmFixtures.dev;
import static seqpool.sequencer.evm.EvmFixtures.start;
import static seqpool.sequencer.evm.EvmFixtures.stranger;
import static seqpool.sequencer.evm.EvmFixtures.transfer;
import static seqpool.sequencer.evm.EvmFixtures.transfers;
import static seqpool.sequencer.evm.EvmFixtures.ts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionException;
import seqpool.codec.crypto.Keccak;

/** Two anvils as two nodes' engines: produce on one, replay on the other; refusals leave nothing behind. */
class AnvilEngineIT {

    @Test
    void producedBlocksReplayOnAnotherEngineToTheSameHashAndRoot() throws Exception {
        try (AnvilEngine producer = start("produce-a"); AnvilEngine follower = start("produce-b")) {
            assertEquals("evm", producer.kind());
            assertEquals(0, producer.headNumber());
            assertEquals(producer.headHash(), follower.headHash(), "same genesis");
            long nonce = 0;
            for (long n = 1; n <= 5; n++) {
                List<Bytes> candidates = new ArrayList<>(transfers(30, 3, nonce));
                nonce += 10;
                Bytes stale = transfer(dev(0), 0, SINK, BigInteger.valueOf(99)); // nonce 0 was used in block 1
                Bytes broke = transfer(stranger(0), 0, SINK, BigInteger.ONE);
                if (n > 1) {
                    candidates.add(5, stale);
                }
                candidates.add(broke);
                BlockExecution made = producer.produce(n, ts(n), candidates);
                assertEquals(30, made.included().size(), "block " + n);
                assertEquals(n > 1 ? 2 : 1, made.rejected().size());
                assertEquals(Keccak.keccak256(broke), made.rejected().get(made.rejected().size() - 1).hash());
                assertTrue(made.rejected().get(made.rejected().size() - 1).reason().contains("insufficient funds"),
                        made.rejected().toString());
                if (n > 1) {
                    assertEquals(Keccak.keccak256(stale), made.rejected().get(0).hash());
                    assertTrue(made.rejected().get(0).reason().contains("nonce too low"), made.rejected().toString());
                }
                assertEquals(30 * 21_000L, made.gasUsed());
                assertEquals(candidates.stream().filter(made.included()::contains).toList(), made.included(),
                        "fifo: the candidates' order");

                BlockExecution replayed = follower.replay(n, ts(n), made.included(), made.stateRoot());
                assertEquals(made.engineBlockHash(), replayed.engineBlockHash(), "block " + n);
                assertEquals(made.stateRoot(), replayed.stateRoot());
                assertEquals(made.gasUsed(), replayed.gasUsed());
                assertEquals(n, follower.headNumber());
                assertEquals(producer.stateRoot(), follower.stateRoot());
            }
        }
    }

    @Test
    void aTamperedTransactionOrAWrongRootIsRefusedAndNothingIsApplied() throws Exception {
        try (AnvilEngine producer = start("tamper-a"); AnvilEngine follower = start("tamper-b")) {
            BlockExecution b1 = producer.produce(1, ts(1), transfers(6, 3, 0));
            follower.replay(1, ts(1), b1.included(), b1.stateRoot());
            BlockExecution b2 = producer.produce(2, ts(2), transfers(6, 3, 2));
            Hash32 headBefore = follower.headHash();
            Hash32 rootBefore = follower.stateRoot();

            List<Bytes> corrupted = new ArrayList<>(b2.included());
            byte[] bad = corrupted.get(3).toArray();
            bad[bad.length - 40] ^= 1; // inside the signature's r
            corrupted.set(3, Bytes.wrap(bad));
            ExecutionException e1 = assertThrows(ExecutionException.class,
                    () -> follower.replay(2, ts(2), corrupted, b2.stateRoot()));
            assertTrue(e1.getMessage().startsWith("block 2 refused: transaction 3 "), e1.getMessage());
            assertTrue(e1.getMessage().contains(b2.stateRoot().toString()), e1.getMessage());
            assertUnchanged(follower, 1, headBefore, rootBefore);

            List<Bytes> substituted = new ArrayList<>(b2.included());
            substituted.set(0, transfer(dev(0), 2, SINK, BigInteger.valueOf(12_345))); // valid, another value
            ExecutionException e2 = assertThrows(ExecutionException.class,
                    () -> follower.replay(2, ts(2), substituted, b2.stateRoot()));
            assertTrue(e2.getMessage().startsWith("block 2 refused: state root mismatch: expected " + b2.stateRoot()
                    + ", actual 0x"), e2.getMessage());
            assertUnchanged(follower, 1, headBefore, rootBefore);

            Hash32 wrong = Keccak.keccak256(Bytes.utf8("not the root"));
            ExecutionException e3 = assertThrows(ExecutionException.class,
                    () -> follower.replay(2, ts(2), b2.included(), wrong));
            assertEquals("block 2 refused: state root mismatch: expected " + wrong + ", actual " + b2.stateRoot()
                    + "; nothing applied", e3.getMessage());
            assertUnchanged(follower, 1, headBefore, rootBefore);

            List<Bytes> reordered = new ArrayList<>(b2.included());
            reordered.add(0, reordered.remove(3)); // dev(0)'s nonce 3 before its nonce 2: not executable at its turn
            ExecutionException e4 = assertThrows(ExecutionException.class,
                    () -> follower.replay(2, ts(2), reordered, b2.stateRoot()));
            assertTrue(e4.getMessage().startsWith("block 2 refused: transaction 0 "), e4.getMessage());
            assertUnchanged(follower, 1, headBefore, rootBefore);

            // after four refusals the right block still gives the producer's hash: no state, pool or fee leaked
            BlockExecution ok = follower.replay(2, ts(2), b2.included(), b2.stateRoot());
            assertEquals(b2.engineBlockHash(), ok.engineBlockHash());
            BlockExecution b3 = producer.produce(3, ts(3), transfers(3, 3, 4));
            assertEquals(b3.engineBlockHash(), follower.replay(3, ts(3), b3.included(), b3.stateRoot()).engineBlockHash());
        }
    }

    static void assertUnchanged(AnvilEngine engine, long number, Hash32 hash, Hash32 root) throws Exception {
        assertEquals(number, engine.headNumber());
        assertEquals(hash, engine.headHash());
        assertEquals(root, engine.stateRoot());
        var latest = engine.forwarder(BlockTagHook.identity()).forward("eth_getBlockByNumber",
                RawJson.of(List.of("latest", false)));
        Map<?, ?> block = (Map<?, ?>) ((RpcOutcome.Success) latest).result().parse();
        assertEquals(Quantity.data(hash), block.get("hash"));
        assertEquals(0, engine.pendingTransactions(), "anvil's pool is empty");
    }

    @Test
    void blocksFollowTheHeadAndTimestampsDoNotGoBack() throws Exception {
        try (AnvilEngine engine = start("order")) {
            assertThrows(ExecutionException.class, () -> engine.produce(2, ts(2), List.of()));
            engine.produce(1, ts(5), List.of());
            ExecutionException back = assertThrows(ExecutionException.class, () -> engine.produce(2, ts(4), List.of()));
            assertTrue(back.getMessage().contains("before the head"), back.getMessage());
            engine.produce(2, ts(5) + 400, List.of()); // sub-second blocks share anvil's second
            assertEquals(2, engine.headNumber());
        }
    }

    @Test
    void transactionsLeftOutOfAFullBlockDoNotStayInAnvilsPool() throws Exception {
        var settings = EvmFixtures.settings("full").withBlockGasLimit(3 * 21_000);
        try (AnvilEngine engine = AnvilEngine.start(settings)) {
            List<Bytes> five = transfers(5, 5, 0);
            BlockExecution b1 = engine.produce(1, ts(1), five);
            assertEquals(five.subList(0, 3), b1.included());
            assertEquals(List.of(), b1.rejected(), "left out, not refused");
            assertEquals(0, engine.pendingTransactions());
            BlockExecution b2 = engine.produce(2, ts(2), List.of(five.get(4)));
            assertEquals(List.of(five.get(4)), b2.included(), "only what was offered");
            BlockExecution b3 = engine.produce(3, ts(3), List.of(five.get(3)));
            assertEquals(List.of(five.get(3)), b3.included(), "re-offered later, accepted again");
        }
    }

    @Test
    void firstBlockAboveOneStartsFromPaddedGenesis() throws Exception {
        var settings = EvmFixtures.settings("first5").withFirstBlock(5);
        try (AnvilEngine a = AnvilEngine.start(settings);
                AnvilEngine b = AnvilEngine.start(settings.withLogFile(settings.logFile().resolveSibling("first5b.log")))) {
            assertEquals(4, a.headNumber());
            assertEquals(a.headHash(), b.headHash());
            BlockExecution made = a.produce(5, ts(5), transfers(2, 2, 0));
            assertEquals(made.engineBlockHash(), b.replay(5, ts(5), made.included(), made.stateRoot()).engineBlockHash());
            assertThrows(ExecutionException.class, () -> a.rewindTo(3), "below genesis");
            assertNotEquals(Hash32.ZERO, made.stateRoot());
        }
    }
}
