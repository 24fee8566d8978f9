package seqpool.submitter.sign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;

/**
 * Re-derives a proposed batch from this node's own chain: the blocks of the range, encoded with this node's codec and
 * the proposal's data kind, give a header that must equal the proposed one field by field. The signer compares whole
 * headers, not bytes it was sent: nothing but its own chain goes into what it signs.
 */
public final class Rederivation {
    /** The outcome for one proposal. */
    public sealed interface Verdict {
        /** The same header: {@code batch} is this node's own build of it (data, blobs), ready to post. */
        record Match(BuiltBatch batch) implements Verdict {
        }

        /** Another header, or a proposal this node cannot build: the reason is for the pool and the log. */
        record Mismatch(String reason) implements Verdict {
        }

        /** This node's chain does not hold the range yet. */
        record NotYet(String reason) implements Verdict {
        }
    }

    private final BatchCodec codec;
    private final L2Chain chain;

    public Rederivation(BatchCodec codec, L2Chain chain) {
        this.codec = codec;
        this.chain = chain;
    }

    public Verdict check(BatchTask proposed) {
        BatchHeader p = proposed.header();
        if (proposed.compression() != codec.compression().id()) {
            return new Verdict.Mismatch("proposed compression id " + proposed.compression() + ", this node builds "
                    + codec.compression() + " (id " + codec.compression().id() + ")");
        }
        if (chain.headNumber() < p.lastL2Block()) {
            return new Verdict.NotYet("L2 head " + chain.headNumber() + " below " + p.lastL2Block());
        }
        List<L2Block> blocks = new ArrayList<>();
        for (long n = p.firstL2Block(); n <= p.lastL2Block(); n++) {
            Optional<L2Block> b = chain.block(n);
            if (b.isEmpty()) {
                return new Verdict.NotYet("L2 block " + n + " not held");
            }
            blocks.add(b.get());
        }
        BuiltBatch mine;
        try {
            mine = codec.build(p.batchIndex(), blocks, p.data().kind());
        } catch (IllegalArgumentException e) {
            return new Verdict.Mismatch("cannot build L2 " + p.firstL2Block() + ".." + p.lastL2Block() + " as "
                    + p.data().kind() + ": " + e.getMessage());
        }
        return difference(p, mine.header()).<Verdict>map(Verdict.Mismatch::new).orElse(new Verdict.Match(mine));
    }

    /** The first field where the proposal differs from this node's header, named with both values. */
    static Optional<String> difference(BatchHeader proposed, BatchHeader mine) {
        if (!proposed.blockHashes().equals(mine.blockHashes())) {
            return Optional.of("block hashes of L2 " + mine.firstL2Block() + ".." + mine.lastL2Block() + " differ: mine "
                    + mine.blockHashes() + ", proposed " + proposed.blockHashes());
        }
        if (!proposed.postStateRoot().equals(mine.postStateRoot())) {
            return Optional.of("post-state root of L2 " + mine.lastL2Block() + " differs: mine " + mine.postStateRoot()
                    + ", proposed " + proposed.postStateRoot());
        }
        if (!proposed.data().equals(mine.data())) {
            return Optional.of("data commitment differs: mine " + mine.data().hashes() + ", proposed "
                    + proposed.data().hashes());
        }
        if (!proposed.equals(mine)) {
            return Optional.of("header differs: mine " + mine + ", proposed " + proposed);
        }
        return Optional.empty();
    }
}
