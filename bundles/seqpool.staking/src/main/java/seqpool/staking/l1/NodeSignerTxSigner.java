package seqpool.staking.l1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.TransactionType;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.service.TxSignService;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;

/**
 * Signs EIP-1559 (type 2) transactions with a {@link NodeSigner}: the signing hash is
 * {@code keccak256(0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
 * accessList]))}, the signer signs that digest (it does not hash again), and its Ethereum-style {@code v} (27/28) is
 * turned into the typed transaction's {@code yParity} (0/1) before {@code [yParity, r, s]} is appended to the list.
 * Other transaction types are refused. Stateless apart from the signer; thread-safe.
 *
 * <p>Security: the key stays inside the {@link NodeSigner}; only digests computed here are given to it.
 */
public final class NodeSignerTxSigner implements TxSignService {
    private final NodeSigner signer;

    public NodeSignerTxSigner(NodeSigner signer) {
        this.signer = signer;
    }

    @Override
    public String getAddress() {
        return signer.address().toHex();
    }

    /** The signed transaction, ready for eth_sendRawTransaction. {@code chainId} must be the transaction's own. */
    @Override
    public byte[] sign(RawTransaction tx, long chainId) {
        Transaction1559 t = eip1559(tx);
        if (t.getChainId() != chainId) {
            throw new IllegalArgumentException("transaction is for chain " + t.getChainId() + ", not " + chainId);
        }
        EcdsaSignature sig = signer.sign(signingHash(tx));
        return encodeSigned(tx, yParity(sig), sig.r(), sig.s());
    }

    /** {@code 0x02 ‖ rlp(unsigned fields)}: what the signature covers. */
    static byte[] unsignedPayload(RawTransaction tx) {
        return typed(eip1559(tx).asRlpValues(null));
    }

    static Hash32 signingHash(RawTransaction tx) {
        return new Hash32(Bytes.wrap(Hash.sha3(unsignedPayload(tx))));
    }

    /** EIP-2718/1559 signature parity: v 27 → 0, v 28 → 1. */
    static int yParity(EcdsaSignature sig) {
        return sig.v() - 27;
    }

    /** {@code 0x02 ‖ rlp(unsigned fields ‖ [yParity, r, s])}, r and s as minimal big-endian integers. */
    static byte[] encodeSigned(RawTransaction tx, int yParity, Bytes r, Bytes s) {
        if (yParity != 0 && yParity != 1) {
            throw new IllegalArgumentException("yParity is 0 or 1, got " + yParity);
        }
        List<RlpType> fields = new ArrayList<>(eip1559(tx).asRlpValues(null));
        fields.add(RlpString.create(yParity));
        fields.add(RlpString.create(new BigInteger(1, r.toArray())));
        fields.add(RlpString.create(new BigInteger(1, s.toArray())));
        return typed(fields);
    }

    private static byte[] typed(List<RlpType> fields) {
        byte[] rlp = RlpEncoder.encode(new RlpList(fields));
        byte[] out = new byte[rlp.length + 1];
        out[0] = TransactionType.EIP1559.getRlpType();
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }

    private static Transaction1559 eip1559(RawTransaction tx) {
        if (tx.getTransaction() instanceof Transaction1559 t && t.getType() == TransactionType.EIP1559) {
            return t; // not a Transaction4844, which extends Transaction1559 but encodes differently
        }
        throw new IllegalArgumentException("only EIP-1559 (type 2) transactions are signed here, got "
                + tx.getTransaction().getType());
    }
}
