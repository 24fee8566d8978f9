package seqpool.codec.crypto;

/** Bytes that are not a canonical element or scalar encoding. */
public class InvalidEncodingException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidEncodingException(String message) {
        super(message);
    }
}
