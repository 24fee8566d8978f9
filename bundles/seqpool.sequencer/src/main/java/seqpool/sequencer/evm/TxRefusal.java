package seqpool.sequencer.evm;

import seqpool.api.sequencer.TxCheck;

/** A transaction that may not enter the mempool: the JSON-RPC code and the message clients parse. */
final class TxRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    /** geth's code for a transaction that is well-formed but invalid (nonce, funds, fees, chain id, size). */
    static final int INVALID = -32000;
    /** A transaction that does not decode (invalid params). */
    static final int UNDECODABLE = -32602;
    /** The engine could not be asked (anvil is down). */
    static final int INTERNAL = -32603;

    private final int code;

    TxRefusal(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static TxRefusal invalid(String message) {
        return new TxRefusal(INVALID, message);
    }

    static TxRefusal undecodable(String message) {
        return new TxRefusal(UNDECODABLE, message);
    }

    int code() {
        return code;
    }

    TxCheck.Invalid toCheck() {
        return new TxCheck.Invalid(code, getMessage());
    }
}
