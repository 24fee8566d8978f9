package seqpool.api.consensus;

/**
 * What became of a transaction offered with {@link ConsensusEngine#offer}: the {@link SubmitResult} and, unless it is
 * ACCEPTED or DUPLICATE, why (the application's checkTx reason, the size limit, back-pressure).
 */
public record SubmitOutcome(SubmitResult result, String reason) {
    public SubmitOutcome {
        if (result == null || reason == null) {
            throw new IllegalArgumentException("result and reason are required (reason empty when accepted)");
        }
    }

    public static SubmitOutcome of(SubmitResult result) {
        return new SubmitOutcome(result, "");
    }

    public static SubmitOutcome rejected(String reason) {
        return new SubmitOutcome(SubmitResult.REJECTED, reason);
    }
}
