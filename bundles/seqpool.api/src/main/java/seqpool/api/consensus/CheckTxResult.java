package seqpool.api.consensus;

/** The application's verdict on a transaction offered to the mempool: accepted, or rejected with a reason. */
public record CheckTxResult(boolean accepted, String reason) {
    public static final CheckTxResult OK = new CheckTxResult(true, "");

    public CheckTxResult {
        if (reason == null) {
            throw new IllegalArgumentException("reason is required (empty when accepted)");
        }
    }

    public static CheckTxResult rejected(String reason) {
        return new CheckTxResult(false, reason);
    }
}
