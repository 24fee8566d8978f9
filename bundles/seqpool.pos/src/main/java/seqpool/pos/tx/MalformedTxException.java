package seqpool.pos.tx;

/** Bytes that are not a PoS transaction in the canonical encoding (peer or client input: rejected, never a crash). */
public final class MalformedTxException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedTxException(String message) {
        super(message);
    }
}
