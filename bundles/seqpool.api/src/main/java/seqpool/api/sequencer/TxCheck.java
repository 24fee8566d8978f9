package seqpool.api.sequencer;

/** The engine's verdict on a raw transaction offered to the mempool. */
public sealed interface TxCheck {
    /** Valid against the latest state: the decoded transaction and its max fee per gas (wei) for ordering. */
    record Valid(L2Transaction transaction, java.math.BigInteger maxFeePerGas) implements TxCheck {
    }

    /**
     * Invalid: a JSON-RPC error code and the message clients already parse ({@code nonce too low},
     * {@code insufficient funds for gas * price + value}, {@code invalid chain id}, ...).
     */
    record Invalid(int code, String message) implements TxCheck {
    }
}
