package seqpool.tss.wire;

/** Bytes that are not a valid encoding of the expected message. */
public class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
