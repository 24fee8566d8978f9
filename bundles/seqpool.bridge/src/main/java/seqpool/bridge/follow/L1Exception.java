package seqpool.bridge.follow;

/**
 * An L1 call failed: the node was unreachable, answered with an error, or answered something unusable. The message
 * names the call and the error, without the node's URL (the caller adds a redacted URL where it logs). Retrying the
 * step later is always safe.
 */
public class L1Exception extends Exception {
    private static final long serialVersionUID = 1L;

    public L1Exception(String message) {
        super(message);
    }

    public L1Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
