package seqpool.api.consensus;

/** The application's judgement of a proposed block: accepted, or rejected with a reason for the log. */
public record ProposalVerdict(boolean accepted, String reason) {
    public static final ProposalVerdict ACCEPT = new ProposalVerdict(true, "");

    public ProposalVerdict {
        if (reason == null) {
            throw new IllegalArgumentException("reason is required (empty when accepted)");
        }
    }

    public static ProposalVerdict reject(String reason) {
        return new ProposalVerdict(false, reason);
    }
}
