package seqpool.p2p.hello;

/** A peer's hello cannot be decoded; the message says why. */
public final class HelloFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public HelloFormatException(String message) {
        super(message);
    }
}
