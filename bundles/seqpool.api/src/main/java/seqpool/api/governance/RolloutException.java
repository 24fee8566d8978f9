package seqpool.api.governance;

/** A module swap that did not happen; the running version is unchanged. The message says why. */
public class RolloutException extends Exception {
    private static final long serialVersionUID = 1L;

    public RolloutException(String message) {
        super(message);
    }

    public RolloutException(String message, Throwable cause) {
        super(message, cause);
    }
}
