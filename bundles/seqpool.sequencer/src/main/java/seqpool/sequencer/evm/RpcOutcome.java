package seqpool.sequencer.evm;

/** What a forwarded JSON-RPC request returned: its raw result, or an error object's parts. */
public sealed interface RpcOutcome {
    record Success(RawJson result) implements RpcOutcome {
        public Success {
            if (result == null) {
                throw new IllegalArgumentException("no result");
            }
        }
    }

    /** A JSON-RPC error: code, message and the error's {@code data} ({@link RawJson#NULL} if it had none). */
    record Failure(int code, String message, RawJson data) implements RpcOutcome {
        public Failure {
            if (message == null || data == null) {
                throw new IllegalArgumentException("incomplete error");
            }
        }
    }
}
