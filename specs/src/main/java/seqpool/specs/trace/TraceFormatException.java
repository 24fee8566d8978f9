package seqpool.specs.trace;

/** A trace line that is not valid JSON or lacks a field the trace spec needs; names the line. */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public TraceFormatException(int line, String message) {
        super("trace line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
