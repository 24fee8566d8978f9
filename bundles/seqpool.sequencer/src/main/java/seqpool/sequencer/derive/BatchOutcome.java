package seqpool.sequencer.derive;

import java.util.Optional;

/**
 * What derivation made of one batch: how many of its blocks matched (decoded, assigned, re-executed to their state
 * root, and equal to the node's when comparing) and how many did not, and the first problem if there was one.
 * {@code fatal} problems stop derivation: the blocks after them cannot be executed without this batch's state.
 */
public record BatchOutcome(BatchEvent event, long matched, long mismatched, Optional<Problem> problem, String detail,
        boolean fatal) {
    public static BatchOutcome ok(BatchEvent e, long matched) {
        return new BatchOutcome(e, matched, 0, Optional.empty(), "", false);
    }

    public boolean isOk() {
        return problem.isEmpty() && mismatched == 0;
    }

    /** One line for the command's output. */
    public String line() {
        String head = "batch " + event.index() + ": L2 " + event.firstL2Block() + ".." + event.lastL2Block() + " ("
                + event.blockCount() + " blocks, " + event.kindName() + ", L1 block " + event.l1Block() + ")";
        if (isOk()) {
            return head + ": ok, " + matched + " matched";
        }
        return head + ": BAD (" + problem.map(Problem::words).orElse("mismatch") + "): " + detail + " [" + matched
                + " matched, " + mismatched + " mismatched]";
    }
}
