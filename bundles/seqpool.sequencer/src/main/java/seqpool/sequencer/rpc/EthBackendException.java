package seqpool.sequencer.rpc;

import seqpool.api.common.Bytes;

/**
 * The backend's refusal of a request, answered as a JSON-RPC error with this code, message and optional data. Use the
 * factories for the cases clients parse; the message reaches the client as written.
 */
public class EthBackendException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A transaction the node will not take (geth's code for txpool rejections). */
    public static final int TX_REJECTED = -32000;
    /** A block tag that names no block yet (execution-apis: {@code safe}/{@code finalized} before they exist). */
    public static final int UNKNOWN_BLOCK = -39001;
    /** A limit of the node (execution-apis non-standard errors). */
    public static final int LIMIT_EXCEEDED = -32005;
    /** {@code eth_call}/{@code eth_estimateGas} reverted; data carries the revert bytes (as geth). */
    public static final int EXECUTION_REVERTED = 3;

    private final int code;
    private final transient Bytes data;

    public EthBackendException(int code, String message) {
        this(code, message, null);
    }

    public EthBackendException(int code, String message, Bytes data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    /**
     * A transaction rejection in the words clients parse: {@code nonce too low}, {@code already known},
     * {@code replacement transaction underpriced}, {@code insufficient funds for gas * price + value}, ...
     */
    public static EthBackendException txRejected(String message) {
        return new EthBackendException(TX_REJECTED, message);
    }

    /** A reverted call: code 3, {@code execution reverted[: reason]}, the revert bytes as data. */
    public static EthBackendException reverted(Bytes revertData) {
        Bytes d = revertData == null ? Bytes.EMPTY : revertData;
        return new EthBackendException(EXECUTION_REVERTED, RevertReason.message(d), d);
    }

    /**
     * The selected block does not exist (yet): {@code -39001 Unknown block} for a tag ({@code safe} or
     * {@code finalized} before any batch is on L1), {@code -32000 header not found} for a number or hash.
     */
    public static EthBackendException blockNotFound(BlockSelector block) {
        return block instanceof BlockSelector.Tagged
                ? new EthBackendException(UNKNOWN_BLOCK, "Unknown block")
                : new EthBackendException(TX_REJECTED, "header not found");
    }

    public static EthBackendException limitExceeded(String message) {
        return new EthBackendException(LIMIT_EXCEEDED, message);
    }

    public int code() {
        return code;
    }

    /** Extra data for the error object (revert bytes), or null. */
    public Bytes data() {
        return data;
    }
}
