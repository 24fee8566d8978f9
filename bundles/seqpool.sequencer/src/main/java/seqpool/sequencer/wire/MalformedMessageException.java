package seqpool.sequencer.wire;

/** An l2 message that does not decode or breaks a limit; the message says what is wrong. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
