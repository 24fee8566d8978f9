package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A signed Ethereum transaction as decoded from its canonical encoding, before its sender is recovered.
 *
 * @param raw the encoding as received (legacy RLP list, or type byte ‖ RLP payload)
 * @param hash {@code keccak256(raw)}, the transaction hash
 * @param type 0 (legacy), 1 (EIP-2930) or 2 (EIP-1559)
 * @param chainId the chain id the signature is bound to (legacy: from v per EIP-155)
 * @param maxPriorityFeePerGas the tip cap; for types 0 and 1 the gas price
 * @param maxFeePerGas the fee cap; for types 0 and 1 the gas price
 * @param gasLimit the gas limit ({@link Long#MAX_VALUE} when the encoded value is larger)
 * @param to the recipient, or {@code null} for a contract creation
 * @param v the signature's v as encoded: {@code chainId * 2 + 35 + yParity} for legacy, the y parity for types 1, 2
 * @param signingHash the digest the sender signed
 */
public record DecodedTx(Bytes raw, Hash32 hash, int type, BigInteger chainId, long nonce,
        BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value,
        Bytes data, List<AccessListEntry> accessList, BigInteger v, BigInteger r, BigInteger s, Hash32 signingHash) {
    public static final int LEGACY = 0;
    public static final int ACCESS_LIST = 1;
    public static final int DYNAMIC_FEE = 2;

    public DecodedTx {
        accessList = List.copyOf(accessList);
    }

    /** The recipient; empty for a contract creation. */
    public Optional<Address> recipient() {
        return Optional.ofNullable(to);
    }

    /** The y parity of the signature's R point (0 or 1). */
    public int yParity() {
        return type == LEGACY ? (v.testBit(0) ? 0 : 1) : v.intValue();
    }

    /** The gas price a legacy or EIP-2930 transaction offers (= its fee cap). */
    public BigInteger gasPrice() {
        return maxFeePerGas;
    }
}
