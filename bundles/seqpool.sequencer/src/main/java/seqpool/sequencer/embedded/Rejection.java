package seqpool.sequencer.embedded;

import java.math.BigInteger;

import seqpool.api.common.Address;

/**
 * Why a transaction is refused: a JSON-RPC error code and a message that starts with the phrase clients parse, worded
 * as go-ethereum words it ({@code core/error.go}, {@code core/txpool/errors.go}), followed by details.
 */
public record Rejection(int code, String message) {
    /** JSON-RPC "invalid params": the input is not a transaction at all. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC server error, what geth answers for a transaction that breaks a rule. */
    public static final int TX_REJECTED = -32000;

    public static final String NONCE_TOO_LOW = "nonce too low";
    public static final String NONCE_TOO_HIGH = "nonce too high";
    public static final String NONCE_MAX = "nonce has max value";
    public static final String INSUFFICIENT_FUNDS = "insufficient funds for gas * price + value";
    public static final String INTRINSIC_GAS = "intrinsic gas too low";
    public static final String TX_TYPE_NOT_SUPPORTED = "transaction type not supported";
    public static final String GAS_LIMIT = "exceeds block gas limit";
    public static final String GAS_LIMIT_REACHED = "gas limit reached";
    public static final String OVERSIZED_DATA = "oversized data";
    public static final String FEE_CAP_TOO_LOW = "max fee per gas less than block base fee";
    public static final String TIP_ABOVE_FEE_CAP = "max priority fee per gas higher than max fee per gas";
    public static final String INVALID_SENDER = "invalid sender";
    public static final String INVALID_CHAIN_ID = "invalid chain id for signer";
    public static final String INVALID_SIGNATURE = "invalid transaction v, r, s values";
    public static final String UNPROTECTED = "only replay-protected (EIP-155) transactions allowed over RPC";
    public static final String CONTRACT_CREATION = "contract creation is not supported by the embedded engine";
    public static final String UNDECODABLE = "invalid transaction encoding";

    public Rejection {
        if (message == null || message.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a message");
        }
    }

    static Rejection undecodable(String detail) {
        return new Rejection(INVALID_PARAMS, UNDECODABLE + ": " + detail);
    }

    static Rejection rule(String message) {
        return new Rejection(TX_REJECTED, message);
    }

    static Rejection nonce(boolean tooLow, Address sender, long txNonce, long stateNonce) {
        return rule((tooLow ? NONCE_TOO_LOW : NONCE_TOO_HIGH) + ": address " + sender + ", tx: " + txNonce
                + " state: " + stateNonce);
    }

    static Rejection insufficientFunds(Address sender, BigInteger have, BigInteger want) {
        return rule(INSUFFICIENT_FUNDS + ": address " + sender + " have " + have + " want " + want);
    }

    static Rejection feeCapTooLow(Address sender, BigInteger maxFee, BigInteger baseFee) {
        return rule(FEE_CAP_TOO_LOW + ": address " + sender + ", maxFeePerGas: " + maxFee + ", baseFee: " + baseFee);
    }

    static Rejection invalidSender(String why) {
        return rule(INVALID_SENDER + ": " + why);
    }

    /** Whether the message starts with the given phrase (one of the constants). */
    public boolean is(String phrase) {
        return message.startsWith(phrase) || message.startsWith(INVALID_SENDER + ": " + phrase);
    }
}
