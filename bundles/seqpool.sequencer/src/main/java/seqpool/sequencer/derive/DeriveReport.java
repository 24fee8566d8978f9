package seqpool.sequencer.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a derivation: one {@link BatchOutcome} per batch read, blocks left unchecked after a fatal problem,
 * and warnings (e.g. epoch events that do not fit). Exit code 0 only when every batch checked and nothing was left
 * unchecked; 1 otherwise. Blocks not checked count as mismatched in the FIGURE line.
 */
public record DeriveReport(List<BatchOutcome> batches, long unchecked, List<String> warnings, long l1From,
        long l1To) {
    public DeriveReport {
        batches = List.copyOf(batches);
        warnings = List.copyOf(warnings);
    }

    public long matched() {
        return batches.stream().mapToLong(BatchOutcome::matched).sum();
    }

    public long mismatched() {
        return batches.stream().mapToLong(BatchOutcome::mismatched).sum();
    }

    public boolean ok() {
        return unchecked == 0 && batches.stream().allMatch(BatchOutcome::isOk);
    }

    public int exitCode() {
        return ok() ? 0 : 1;
    }

    /** The summary and the FIGURE lines CI reads. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        long bad = batches.stream().filter(b -> !b.isOk()).count();
        out.add("derive: " + batches.size() + " batches from L1 blocks " + l1From + ".." + l1To + ", "
                + (matched() + mismatched()) + " L2 blocks: " + matched() + " matched, " + mismatched()
                + " mismatched" + (unchecked > 0 ? ", " + unchecked + " not checked (derivation stopped)" : "")
                + (bad > 0 ? "; " + bad + " bad batches" : "") + (ok() ? ": OK" : ": FAILED"));
        out.add("FIGURE derive_blocks_matched " + matched());
        out.add("FIGURE derive_blocks_mismatched " + (mismatched() + unchecked));
        return out;
    }
}
