package seqpool.sequencer.rpc.json;

/** The input is not one well-formed JSON value within the parser's limits; the message names the offset. */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonParseException(String message) {
        super(message);
    }
}
