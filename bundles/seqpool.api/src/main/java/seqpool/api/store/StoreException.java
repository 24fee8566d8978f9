package seqpool.api.store;

/** A storage failure; the message says what failed. Nothing of a failed commit is applied. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
