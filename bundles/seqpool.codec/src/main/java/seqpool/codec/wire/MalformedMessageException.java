package seqpool.codec.wire;

/** Bytes that do not decode as the expected message, or break one of its limits; the message says what is wrong. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
