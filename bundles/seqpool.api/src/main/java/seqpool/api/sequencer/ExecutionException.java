package seqpool.api.sequencer;

/** A block could not be executed (invalid transaction in a replay, state-root mismatch, engine failure). */
public class ExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExecutionException(String message) {
        super(message);
    }

    public ExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
