package seqpool.sequencer.derive;

/**
 * L1 data (a log, a transaction, a blob) that is not what the contracts would have produced, or an L1/beacon/node
 * endpoint that failed to serve it. Normal input for a verifier: reported with the batch it concerns, never a crash.
 */
public class L1DataException extends Exception {
    private static final long serialVersionUID = 1L;

    public L1DataException(String message) {
        super(message);
    }

    public L1DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
