package seqpool.sequencer.embedded;

/** A transaction broke a rule; carries the {@link Rejection} clients see. Internal to the engine. */
final class InvalidTxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Rejection rejection;

    InvalidTxException(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
