package seqpool.submitter.cut;

/** What {@link BatchCutter#decide} says about the pending blocks. */
public sealed interface CutDecision {
    /** Nothing to post yet: the pending blocks fit and are young enough (or there are none). */
    record Wait() implements CutDecision {
    }

    /** Post the first {@code blocks} pending blocks as one batch now. */
    record Cut(int blocks, Reason reason) implements CutDecision {
        public Cut {
            if (blocks < 1 || reason == null) {
                throw new IllegalArgumentException("a cut takes at least one block");
            }
        }
    }

    /** The first pending block alone is over the limits: no batch can carry it (a configuration problem). */
    record Oversized(int dataBytes, int rawBytes) implements CutDecision {
    }

    enum Reason {
        /** One more block would not fit. */
        SIZE,
        /** The oldest pending block reached the age limit. */
        AGE
    }
}
