package seqpool.sequencer.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.crypto.Secp256k1;
import seqpool.sequencer.chain.BlockVerdict.Equivocation;
import seqpool.sequencer.chain.BlockVerdict.Hold;
import seqpool.sequencer.chain.BlockVerdict.Ignore;
import seqpool.sequencer.chain.BlockVerdict.Reject;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;

/**
 * The validity rules as a table: each row is a block (built against a chain whose head is block 5 by n1, unless the
 * row says otherwise), the committed assignments and the expected verdict. Assignments: epoch 1 blocks 1..10 to n1,
 * epoch 2 blocks 11..20 to n2, nothing after 20. The clock reads {@link #NOW}.
 */
class BlockValidatorTest {
    static final LocalNodeSigner N1 = Keys.node(1);
    static final LocalNodeSigner N2 = Keys.node(2);
    static final long NOW = 100_000;
    static final long DRIFT = ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS;
    static final BlockValidator RULES = new BlockValidator(new ChainParams(Blocks.CHAIN_ID, 1, DRIFT),
            BodyRule.EMPTY_BLOCKS);
    static final List<L2Block> CHAIN = Blocks.chain(N1, 1, Hash32.ZERO, 1, 5, 50_000); // blocks 1..5, ts 50 s..54 s
    static final L2Block HEAD_BLOCK = CHAIN.get(4);
    static final HeadRef HEAD = HeadRef.of(HEAD_BLOCK);
    static final AssignmentSource POS = new ScriptedPos()
            .commit(ScriptedPos.assign(1, 0, 1, 10, N1.address()))
            .commit(ScriptedPos.assign(2, 0, 11, 20, N2.address()))::assignmentFor;
    static final AssignmentSource NONE = n -> Optional.empty();

    record Row(String name, L2Block block, HeadRef head, AssignmentSource pos, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, L2Block block, String expected) {
        return new Row(name, block, HEAD, POS, expected);
    }

    static L2Block next(Function<Long, L2Block> byTimestamp) {
        return byTimestamp.apply(HEAD.timestampMillis() + 1000);
    }

    static EcdsaSignature highS(EcdsaSignature s) {
        BigInteger high = Secp256k1.N.subtract(new BigInteger(1, s.s().toArray()));
        byte[] b = high.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
        return new EcdsaSignature(s.r(), Bytes.wrap(out), s.v() == 27 ? 28 : 27);
    }

    static Stream<Row> rows() {
        L2Block good = next(ts -> Blocks.signed(N1, 6, HEAD.hash(), 1, ts));
        byte[] tamperedS = good.producerSignature().s().toArray();
        tamperedS[31] ^= 1;
        L2Block headAt20 = Blocks.signed(N2, 20, Hash32.ZERO, 2, 60_000);
        return Stream.of(
                row("valid next block", good, "ACCEPT"),
                new Row("first block on the implicit genesis", CHAIN.get(0), HeadRef.genesis(1), POS, "ACCEPT"),
                new Row("first block with a non-zero parent", Blocks.signed(N1, 1, HEAD.hash(), 1, 1000),
                        HeadRef.genesis(1), POS, "REJECT:BAD_PARENT"),
                row("wrong producer", next(ts -> Blocks.signed(N2, 6, HEAD.hash(), 1, ts)), "REJECT:WRONG_PRODUCER"),
                row("wrong epoch", next(ts -> Blocks.signed(N1, 6, HEAD.hash(), 2, ts)), "REJECT:WRONG_EPOCH"),
                row("signed by another key than the producer's",
                        next(ts -> Blocks.signed(N2, N1.address(), 6, HEAD.hash(), 1, ts, List.of(), Hash32.ZERO)),
                        "REJECT:BAD_SIGNATURE"),
                row("tampered signature", Blocks.withSignature(good,
                        new EcdsaSignature(good.producerSignature().r(), Bytes.wrap(tamperedS), good.producerSignature().v())),
                        "REJECT:BAD_SIGNATURE"),
                row("high-s signature (malleated)", Blocks.withSignature(good, highS(good.producerSignature())),
                        "REJECT:BAD_SIGNATURE"),
                row("unsigned", Blocks.withSignature(good, null), "REJECT:BAD_SIGNATURE"),
                row("hash field not the header hash", Blocks.withHash(good, Hash32.fromHex("11".repeat(32))),
                        "REJECT:BAD_HASH"),
                row("hash of another chain id", anotherChain(good), "REJECT:BAD_HASH"),
                row("bad parent", next(ts -> Blocks.signed(N1, 6, CHAIN.get(3).hash(), 1, ts)), "REJECT:BAD_PARENT"),
                row("gap", Blocks.signed(N1, 8, Hash32.fromHex("22".repeat(32)), 1, 60_000), "HOLD:GAP"),
                row("gap, but the committed assignment names another producer",
                        Blocks.signed(N2, 8, Hash32.fromHex("22".repeat(32)), 1, 60_000), "REJECT:WRONG_PRODUCER"),
                new Row("assignment not committed yet", good, HEAD, NONE, "HOLD:NO_ASSIGNMENT"),
                new Row("beyond every committed range", Blocks.signed(N2, 21, headAt20.hash(), 3, 61_000),
                        HeadRef.of(headAt20), POS, "HOLD:NO_ASSIGNMENT"),
                row("timestamp too far in the future", Blocks.signed(N1, 6, HEAD.hash(), 1, NOW + DRIFT + 1),
                        "REJECT:FUTURE_TIMESTAMP"),
                row("timestamp exactly at the drift bound", Blocks.signed(N1, 6, HEAD.hash(), 1, NOW + DRIFT), "ACCEPT"),
                row("timestamp equal to the parent's", Blocks.signed(N1, 6, HEAD.hash(), 1, HEAD.timestampMillis()),
                        "REJECT:BAD_TIMESTAMP"),
                row("timestamp before the parent's", Blocks.signed(N1, 6, HEAD.hash(), 1, HEAD.timestampMillis() - 5),
                        "REJECT:BAD_TIMESTAMP"),
                row("duplicate of the head", HEAD_BLOCK, "IGNORE"),
                row("duplicate of an older block", CHAIN.get(2), "IGNORE"),
                row("equivocation: same producer, same number, other block",
                        Blocks.signed(N1, 5, CHAIN.get(3).hash(), 1, HEAD.timestampMillis() + 7), "EQUIVOCATION"),
                row("equivocation below the head",
                        Blocks.signed(N1, 3, CHAIN.get(1).hash(), 1, CHAIN.get(2).timestampMillis() + 7), "EQUIVOCATION"),
                row("another producer's block at a stored number", Blocks.signed(N2, 5, CHAIN.get(3).hash(), 1, 1),
                        "IGNORE"),
                row("forged equivocation (not signed by the producer)",
                        Blocks.signed(N2, N1.address(), 5, CHAIN.get(3).hash(), 1, 9, List.of(), Hash32.ZERO),
                        "REJECT:BAD_SIGNATURE"),
                row("below genesis", Blocks.signed(N1, 0, Hash32.ZERO, 1, 1), "REJECT:BELOW_GENESIS"),
                row("transactions (l2/1 blocks are empty)", next(ts -> Blocks.signed(N1, N1.address(), 6, HEAD.hash(), 1,
                        ts, List.of(Bytes.of((byte) 1)), Hash32.ZERO)), "REJECT:UNSUPPORTED_BODY"),
                row("non-zero state root (no execution yet)", next(ts -> Blocks.signed(N1, N1.address(), 6, HEAD.hash(),
                        1, ts, List.of(), Hash32.fromHex("33".repeat(32)))), "REJECT:UNSUPPORTED_BODY"));
    }

    static L2Block anotherChain(L2Block b) {
        var u = UnsignedBlock.build(Blocks.CHAIN_ID + 1, b.number(), b.parentHash(), b.epoch(), b.producer(),
                b.timestampMillis(), b.transactions(), b.stateRoot());
        return u.signed(N1.sign(u.hash()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdict(Row row) {
        Optional<L2Block> stored = row.block().number() <= row.head().number()
                ? CHAIN.stream().filter(b -> b.number() == row.block().number()).findFirst()
                : Optional.empty();
        assertEquals(row.expected(), name(RULES.validate(row.block(), row.head(), stored, row.pos(), NOW)));
    }

    static String name(BlockVerdict v) {
        if (v instanceof Reject r) {
            return "REJECT:" + r.fault();
        }
        if (v instanceof Hold h) {
            return "HOLD:" + h.reason();
        }
        if (v instanceof Ignore) {
            return "IGNORE";
        }
        if (v instanceof Equivocation) {
            return "EQUIVOCATION";
        }
        return "ACCEPT";
    }

    /** Every rejection names a fault with a penalty, provable forgery costing most. */
    @org.junit.jupiter.api.Test
    void faultsArePenalisedByWeight() {
        for (Fault f : Fault.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(f.points() > 0, f.name());
        }
        org.junit.jupiter.api.Assertions.assertTrue(Fault.BAD_SIGNATURE.points() > Fault.WRONG_PRODUCER.points());
        ProducerAssignment a = ScriptedPos.assign(1, 0, 1, 10, N1.address());
        org.junit.jupiter.api.Assertions.assertTrue(a.covers(10) && !a.covers(11));
    }
}
