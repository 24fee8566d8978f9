package seqpool.node.keys;

/** The signer key could not be created or loaded; the message names the file or source and never holds a secret. */
public final class KeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
        super(message);
    }

    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
