package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.nio.ByteBuffer;

import seqpool.api.common.Bytes;

/**
 * An account of the embedded ledger: its nonce and its balance in wei (a uint256). An account with nonce 0 and balance
 * 0 is {@link #EMPTY} and is not kept (EIP-161: an empty account does not exist), so "absent" and "empty" are the same.
 */
public record Account(long nonce, BigInteger balance) {
    /** 2^256 - 1, the largest balance. */
    public static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    public static final Account EMPTY = new Account(0, BigInteger.ZERO);
    /** Size of {@link #encode()}: nonce (8 bytes) ‖ balance (32 bytes), big-endian. */
    public static final int ENCODED_SIZE = 40;

    public Account {
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must be >= 0, got " + nonce);
        }
        if (balance == null || balance.signum() < 0 || balance.compareTo(MAX_UINT256) > 0) {
            throw new IllegalArgumentException("balance out of uint256 range: " + balance);
        }
    }

    public boolean isEmpty() {
        return nonce == 0 && balance.signum() == 0;
    }

    Account withBalance(BigInteger newBalance) {
        return new Account(nonce, newBalance);
    }

    /** The canonical encoding: nonce as 8 bytes, then the balance as 32 bytes, both big-endian. */
    public Bytes encode() {
        byte[] out = new byte[ENCODED_SIZE];
        ByteBuffer.wrap(out).putLong(nonce);
        Words.put32(balance, out, 8);
        return Bytes.wrap(out);
    }

    public static Account decode(Bytes bytes) {
        if (bytes.size() != ENCODED_SIZE) {
            throw new IllegalArgumentException("an account is " + ENCODED_SIZE + " bytes, got " + bytes.size());
        }
        byte[] b = bytes.toArray();
        long nonce = ByteBuffer.wrap(b).getLong();
        return new Account(nonce, new BigInteger(1, java.util.Arrays.copyOfRange(b, 8, ENCODED_SIZE)));
    }
}
