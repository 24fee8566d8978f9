package seqpool.sequencer.rpc.dispatch;

/**
 * A parameter value does not have its schema's form; the message is the reason, phrased like geth's
 * ({@code hex number with leading zero digits}), and {@link Params} prefixes the argument position.
 */
public final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
