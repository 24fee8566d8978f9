package seqpool.api.consensus;

/** The two Tendermint vote kinds with their EIP-712 {@code uint8 kind} codes: 1 = prevote, 2 = precommit. */
public enum VoteKind {
    PREVOTE(1), PRECOMMIT(2);

    private final int code;

    VoteKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static VoteKind ofCode(int code) {
        return switch (code) {
            case 1 -> PREVOTE;
            case 2 -> PRECOMMIT;
            default -> throw new IllegalArgumentException("unknown vote kind " + code + " (1 = prevote, 2 = precommit)");
        };
    }
}
