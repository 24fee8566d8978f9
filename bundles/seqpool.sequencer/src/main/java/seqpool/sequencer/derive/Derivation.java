package seqpool.sequencer.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.sequencer.BlockExecution;
import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchFormatException;
import seqpool.codec.crypto.Keccak;

/**
 * Rebuilds the L2 chain from the {@code BatchAppended} events of L1, in batch order: for each batch, its transaction
 * and data (calldata, or blobs checked against their versioned hashes), the blocks decoded by the batch codec and
 * checked against the header L1 accepted, every producer against the schedule L1 {@code SequencerSet} committed, each
 * block re-executed from the L2 genesis by a fresh engine (which requires the block's state root), and optionally the
 * result compared with a node. A problem is reported with its batch; one that leaves the state unknown (no blocks, or
 * a block that does not execute) stops derivation, the rest counting as not checked. Single use, one thread.
 */
public final class Derivation {
    /** Where the L2 chain starts and what it is checked against. */
    public record Inputs(Address inbox, long genesisL2Block, List<BatchEvent> batches, ProducerSchedule schedule) {
        public Inputs {
            batches = List.copyOf(batches);
        }
    }

    private final Inputs in;
    private final L1View l1;
    private final BlobHasher blobs;
    private final BatchCodec codec;
    private final Optional<ExecutionEngine> engine;
    private final Optional<NodeView> node;
    private long nextIndex = 1;
    private long nextBlock;
    private Hash32 parent = Hash32.ZERO;

    public Derivation(Inputs in, L1View l1, BlobHasher blobs, BatchCodec codec, Optional<ExecutionEngine> engine,
            Optional<NodeView> node) {
        this.in = in;
        this.l1 = l1;
        this.blobs = blobs;
        this.codec = codec;
        this.engine = engine;
        this.node = node;
        this.nextBlock = in.genesisL2Block();
    }

    /** Runs over every batch; {@code lines} gets one line per batch as it is done. */
    public DeriveReport run(long l1From, long l1To, Consumer<String> lines) {
        List<BatchOutcome> out = new ArrayList<>();
        long unchecked = 0;
        boolean stopped = false;
        for (BatchEvent e : in.batches()) {
            if (stopped) {
                unchecked += e.blockCount();
                continue;
            }
            BatchOutcome o = batch(e);
            out.add(o);
            lines.accept(o.line());
            stopped = o.fatal();
        }
        List<String> warnings = new ArrayList<>(in.schedule().problems());
        if (in.batches().isEmpty()) {
            warnings.add("no BatchAppended event of " + in.inbox() + " in L1 blocks " + l1From + ".." + l1To);
        }
        return new DeriveReport(out, unchecked, warnings, l1From, l1To);
    }

    private BatchOutcome batch(BatchEvent e) {
        if (e.index() != nextIndex || e.firstL2Block() != nextBlock) {
            String why = "expected batch " + nextIndex + " from L2 block " + nextBlock;
            if (nextIndex == 1) {
                why += ": batch 1 is not in the scanned L1 range (start --from at or before the contracts' deploy "
                        + "block)";
            }
            return fail(e, 0, Problem.NOT_CONTIGUOUS, why, true);
        }
        List<L2Block> blocks;
        try {
            blocks = blocks(e);
        } catch (Failure f) {
            return fail(e, 0, f.problem, f.getMessage(), true);
        }
        Optional<String> header = headerMismatch(e, blocks);
        if (header.isPresent()) {
            return fail(e, 0, Problem.UNDECODABLE, header.get(), true);
        }
        nextIndex++;
        nextBlock = e.lastL2Block() + 1;
        parent = blocks.get(blocks.size() - 1).hash();
        Optional<String> producer = producerMismatch(blocks);
        return execute(e, blocks, producer);
    }

    /** The batch's blocks, from its transaction and data; every step checked against what L1 recorded. */
    private List<L2Block> blocks(BatchEvent e) throws Failure {
        L1View.BatchTransaction tx = attempt(Problem.UNAVAILABLE, () -> l1.transaction(e.transactionHash()));
        if (tx.to().isEmpty() || !tx.to().get().equals(in.inbox())) {
            throw new Failure(Problem.WRONG_HASH, "transaction " + e.transactionHash() + " is not sent to the inbox "
                    + in.inbox());
        }
        AppendBatchCall call = attempt(Problem.WRONG_HASH, () -> AppendBatchCall.decode(tx.input()));
        List<String> diffs = call.differencesFrom(e);
        if (!diffs.isEmpty()) {
            throw new Failure(Problem.WRONG_HASH, "transaction " + e.transactionHash() + ": " + diffs.get(0));
        }
        Bytes data;
        if (e.dataKind() == BatchEvent.DATA_CALLDATA) {
            Hash32 actual = Keccak.keccak256(call.data());
            if (call.dataHashes().size() != 1 || !actual.equals(call.dataHashes().get(0))) {
                throw new Failure(Problem.WRONG_HASH, "keccak256 of the calldata is " + actual + ", the header "
                        + "commits to " + call.dataHashes());
            }
            data = call.data();
        } else if (e.dataKind() == BatchEvent.DATA_BLOBS) {
            if (!tx.blobVersionedHashes().equals(call.dataHashes()) || call.data().size() != 0) {
                throw new Failure(Problem.WRONG_HASH, "the transaction carries blobs " + tx.blobVersionedHashes()
                        + ", the header commits to " + call.dataHashes());
            }
            List<Bytes> served = attempt(Problem.BAD_BLOB, () -> l1.blobs(e.l1Block(), call.dataHashes()));
            List<Bytes> ordered = attempt(Problem.BAD_BLOB, () -> BlobMatch.order(call.dataHashes(), served, blobs));
            try {
                data = codec.fromBlobs(ordered);
            } catch (BatchFormatException | RuntimeException x) {
                throw new Failure(Problem.UNDECODABLE, "blobs: " + x.getMessage());
            }
        } else {
            throw new Failure(Problem.UNDECODABLE, "unknown data kind " + e.dataKind());
        }
        try {
            return codec.decode(data);
        } catch (BatchFormatException | RuntimeException x) {
            throw new Failure(Problem.UNDECODABLE, x.getMessage());
        }
    }

    /** The header L1 accepted against the decoded blocks: range, linkage to the previous batch, commitments. */
    private Optional<String> headerMismatch(BatchEvent e, List<L2Block> blocks) {
        L2Block first = blocks.get(0);
        L2Block last = blocks.get(blocks.size() - 1);
        if (first.number() != e.firstL2Block() || last.number() != e.lastL2Block()) {
            return Optional.of("the data holds L2 blocks " + first.number() + ".." + last.number() + ", the header "
                    + "says " + e.firstL2Block() + ".." + e.lastL2Block());
        }
        if (!first.parentHash().equals(parent)) {
            return Optional.of("block " + first.number() + " extends " + first.parentHash() + ", not the previous "
                    + "batch's last block " + parent);
        }
        Hash32 commitment = blockHashesCommitment(blocks);
        if (!commitment.equals(e.blockHashes())) {
            return Optional.of("the blocks' hashes commit to " + commitment + ", the header to " + e.blockHashes());
        }
        if (!last.stateRoot().equals(e.postStateRoot())) {
            return Optional.of("block " + last.number() + " has state root " + last.stateRoot() + ", the header's "
                    + "postStateRoot is " + e.postStateRoot());
        }
        return Optional.empty();
    }

    /** {@code keccak256(hash_1 ‖ … ‖ hash_n)} (docs/batches.md). */
    static Hash32 blockHashesCommitment(List<L2Block> blocks) {
        return new Hash32(Bytes.wrap(Keccak.digest(blocks.stream().map(b -> b.hash().value().toArray())
                .toArray(byte[][]::new))));
    }

    private Optional<String> producerMismatch(List<L2Block> blocks) {
        for (L2Block b : blocks) {
            var s = in.schedule().at(b.number());
            if (s.isEmpty()) {
                return Optional.of("L1 SequencerSet assigns no producer to L2 block " + b.number() + " (committed up "
                        + "to " + in.schedule().lastAssigned() + ")");
            }
            if (!s.get().producer().equals(b.producer()) || s.get().epochId() != b.epoch()) {
                return Optional.of("block " + b.number() + " by " + b.producer() + " in epoch " + b.epoch()
                        + ", L1 assigns it to " + s.get().producer() + " in epoch " + s.get().epochId());
            }
        }
        return Optional.empty();
    }

    private BatchOutcome execute(BatchEvent e, List<L2Block> blocks, Optional<String> producer) {
        long matched = 0;
        long mismatched = 0;
        String nodeDiff = null;
        for (int i = 0; i < blocks.size(); i++) {
            L2Block b = blocks.get(i);
            Hash32 engineHash = Hash32.ZERO;
            Hash32 root = b.stateRoot();
            if (engine.isPresent()) {
                try {
                    BlockExecution x = engine.get().replay(b.number(), b.timestampMillis(), b.transactions(),
                            b.stateRoot());
                    engineHash = x.engineBlockHash();
                    root = x.stateRoot();
                } catch (ExecutionException | RuntimeException x) {
                    return fail(e, matched, Problem.STATE_ROOT_DIFFERS,
                            "L2 block " + b.number() + ": " + x.getMessage(), true, blocks.size() - i + mismatched);
                }
            }
            Optional<String> diff = compare(b.number(), engineHash, root);
            if (diff.isPresent() || producer.isPresent()) {
                mismatched++;
                if (nodeDiff == null && diff.isPresent()) {
                    nodeDiff = diff.get();
                }
            } else {
                matched++;
            }
        }
        if (producer.isPresent()) {
            return new BatchOutcome(e, matched, mismatched, Optional.of(Problem.PRODUCER_NOT_ASSIGNED), producer.get(),
                    false);
        }
        if (nodeDiff != null) {
            return new BatchOutcome(e, matched, mismatched, Optional.of(Problem.NODE_DIFFERS), nodeDiff, false);
        }
        return BatchOutcome.ok(e, matched);
    }

    private Optional<String> compare(long number, Hash32 engineHash, Hash32 root) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<NodeView.NodeBlock> theirs;
        try {
            theirs = node.get().block(number);
        } catch (L1DataException x) {
            return Optional.of("L2 block " + number + ": the node did not answer: " + x.getMessage());
        }
        if (theirs.isEmpty()) {
            return Optional.of("the node has no L2 block " + number);
        }
        if (!theirs.get().stateRoot().equals(root)) {
            return Optional.of("L2 block " + number + ": state root " + root + " derived, " + theirs.get().stateRoot()
                    + " on the node");
        }
        if (!engineHash.isZero() && !theirs.get().hash().equals(engineHash)) {
            return Optional.of("L2 block " + number + ": hash " + engineHash + " derived, " + theirs.get().hash()
                    + " on the node");
        }
        return Optional.empty();
    }

    private BatchOutcome fail(BatchEvent e, long matched, Problem p, String why, boolean fatal) {
        return fail(e, matched, p, why, fatal, e.blockCount() - matched);
    }

    private static BatchOutcome fail(BatchEvent e, long matched, Problem p, String why, boolean fatal,
            long mismatched) {
        return new BatchOutcome(e, matched, mismatched, Optional.of(p), why, fatal);
    }

    @FunctionalInterface
    private interface Step<T> {
        T get() throws L1DataException;
    }

    private static <T> T attempt(Problem p, Step<T> step) throws Failure {
        try {
            return step.get();
        } catch (L1DataException | RuntimeException x) {
            throw new Failure(p, x.getMessage());
        }
    }

    /** A problem that ends a batch before its blocks are known. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Failure(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }
    }
}
