package seqpool.sequencer.chain;

import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.crypto.Secp256k1;
import seqpool.sequencer.chain.BlockVerdict.Equivocation;
import seqpool.sequencer.chain.BlockVerdict.Hold;
import seqpool.sequencer.chain.BlockVerdict.HoldReason;
import seqpool.sequencer.chain.BlockVerdict.Ignore;
import seqpool.sequencer.chain.BlockVerdict.Reject;

/**
 * The validity rules of an L2 block (docs/sequencer.md, "Validity rules"), in this order:
 * <ol>
 * <li>intrinsic: number ≥ genesis; {@code hash} = the header hash of the fields; the signature recovers to
 * {@code producer}; the body passes the {@link BodyRule};</li>
 * <li>a number at or below the head: the same hash is a duplicate (ignored); another block by the same producer is
 * equivocation; another producer's block is a stale branch (ignored);</li>
 * <li>a number beyond head + 1 is held (a gap), unless a committed assignment already shows it invalid;</li>
 * <li>head + 1: the parent is the head; the assignment for the number is committed (else held), names
 * {@code producer} and has the block's epoch; the timestamp is after the parent's and at most
 * {@link ChainParams#maxClockDriftMs} ahead of {@code nowMillis}; the forced-inclusion rules
 * ({@link ForcedRule}: the cursor, and no due message left unconsumed; held while this node's view cannot judge).</li>
 * </ol>
 * Stateless and thread-safe; the caller supplies the head, the stored block of the same number and the assignments.
 */
public final class BlockValidator {
    private final ChainParams params;
    private final BodyRule body;

    public BlockValidator(ChainParams params, BodyRule body) {
        this.params = params;
        this.body = body;
    }

    public ChainParams params() {
        return params;
    }

    /**
     * @param head this node's head
     * @param stored the block this node holds at {@code block.number()} when that number is at or below the head
     * @param nowMillis this node's clock
     */
    public BlockVerdict validate(L2Block block, HeadRef head, Optional<L2Block> stored, AssignmentSource assignments,
            long nowMillis) {
        return validate(block, head, stored, assignments, ForcedSource.DISABLED, nowMillis);
    }

    /** The same, with this node's committed view of the forced-inclusion queue. */
    public BlockVerdict validate(L2Block block, HeadRef head, Optional<L2Block> stored, AssignmentSource assignments,
            ForcedSource forced, long nowMillis) {
        Optional<Reject> intrinsic = checkIntrinsic(block);
        if (intrinsic.isPresent()) {
            return intrinsic.get();
        }
        long n = block.number();
        if (n <= head.number()) {
            return againstStored(block, stored);
        }
        Optional<ProducerAssignment> assignment = assignments.assignmentFor(n);
        if (n > head.number() + 1) {
            Optional<Reject> wrong = assignment.flatMap(a -> checkAssignment(block, a));
            return wrong.isPresent() ? wrong.get() : new Hold(HoldReason.GAP);
        }
        if (!block.parentHash().equals(head.hash())) {
            return new Reject(Fault.BAD_PARENT, "block " + n + " extends " + block.parentHash() + ", head " + head.number()
                    + " is " + head.hash());
        }
        if (assignment.isEmpty()) {
            return new Hold(HoldReason.NO_ASSIGNMENT);
        }
        Optional<Reject> wrong = checkAssignment(block, assignment.get());
        if (wrong.isPresent()) {
            return wrong.get();
        }
        if (block.timestampMillis() <= head.timestampMillis()) {
            return new Reject(Fault.BAD_TIMESTAMP, "block " + n + " timestamp " + block.timestampMillis()
                    + " is not after its parent's " + head.timestampMillis());
        }
        if (block.timestampMillis() > nowMillis + params.maxClockDriftMs()) {
            return new Reject(Fault.FUTURE_TIMESTAMP, "block " + n + " timestamp " + block.timestampMillis() + " is "
                    + (block.timestampMillis() - nowMillis) + " ms ahead of this node's clock");
        }
        return ForcedRule.check(block, head, forced).orElse(BlockVerdict.ACCEPT);
    }

    /** The checks that need no chain: number, hash, signature, body. Empty if they pass. */
    public Optional<Reject> checkIntrinsic(L2Block block) {
        if (block.number() < params.genesisL2Block()) {
            return Optional.of(new Reject(Fault.BELOW_GENESIS, "block " + block.number() + " is below the first block "
                    + params.genesisL2Block()));
        }
        if (!BlockHashes.recompute(params.chainId(), block).equals(block.hash())) {
            return Optional.of(new Reject(Fault.BAD_HASH, "block " + block.number() + " hash " + block.hash()
                    + " is not the hash of its header"));
        }
        if (block.producerSignature() == null) {
            return Optional.of(new Reject(Fault.BAD_SIGNATURE, "block " + block.number() + " is not signed"));
        }
        Optional<Address> signer = Secp256k1.recover(block.hash(), block.producerSignature());
        if (signer.isEmpty() || !signer.get().equals(block.producer())) {
            return Optional.of(new Reject(Fault.BAD_SIGNATURE, "block " + block.number() + " signature recovers to "
                    + signer.map(Address::toHex).orElse("nothing") + ", not to producer " + block.producer()));
        }
        return body.violation(block).map(v -> new Reject(Fault.UNSUPPORTED_BODY, "block " + block.number() + ": " + v));
    }

    private static BlockVerdict againstStored(L2Block block, Optional<L2Block> stored) {
        if (stored.isEmpty()) {
            return new Ignore("block " + block.number() + " is at or below the head but not stored here");
        }
        L2Block mine = stored.get();
        if (mine.hash().equals(block.hash())) {
            return new Ignore("duplicate of block " + block.number());
        }
        if (mine.producer().equals(block.producer())) {
            return new Equivocation(mine, block);
        }
        return new Ignore("block " + block.number() + " by " + block.producer() + " conflicts with the stored block by "
                + mine.producer() + " (another branch)");
    }

    private static Optional<Reject> checkAssignment(L2Block block, ProducerAssignment a) {
        if (!a.producer().equals(block.producer())) {
            return Optional.of(new Reject(Fault.WRONG_PRODUCER, "block " + block.number() + " by " + block.producer()
                    + " but epoch " + a.epoch() + " revision " + a.revision() + " assigns it to " + a.producer()));
        }
        if (a.epoch() != block.epoch()) {
            return Optional.of(new Reject(Fault.WRONG_EPOCH, "block " + block.number() + " claims epoch " + block.epoch()
                    + " but its assignment is of epoch " + a.epoch()));
        }
        return Optional.empty();
    }
}
