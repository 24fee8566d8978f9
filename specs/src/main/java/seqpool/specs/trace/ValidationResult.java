package seqpool.specs.trace;

import java.util.Objects;

/** The verdict on a trace. */
public sealed interface ValidationResult {
    /** True only if the whole trace is a behaviour of the spec. */
    boolean accepted();

    /**
     * Every event matched.
     *
     * @param events  how many events the trace had
     * @param details per part: TLC's summary
     */
    record Accepted(int events, String details) implements ValidationResult {
        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public String toString() {
            return "accepted: all " + events + " events matched";
        }
    }

    /**
     * No behaviour of the spec continues the trace at {@code event}: everything before it matched.
     *
     * @param line    the 1-based line number in the trace file of the first event that cannot be matched
     * @param event   that event
     * @param matched how many events of its part matched before it
     */
    record Rejected(int line, TraceEvent event, int matched) implements ValidationResult {
        public Rejected {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public boolean accepted() {
            return false;
        }

        @Override
        public String toString() {
            return "rejected at line " + line + ": " + event.event() + event.fields() + " by " + event.node()
                    + " is not a step of the spec after the " + matched + " events before it";
        }
    }

    /**
     * The check itself could not run (malformed trace, unknown event, TLC error).
     *
     * @param reason what went wrong, naming the line when known
     */
    record Failed(String reason) implements ValidationResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean accepted() {
            return false;
        }

        @Override
        public String toString() {
            return "not checked: " + reason;
        }
    }
}
