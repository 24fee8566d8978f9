package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.Transaction2930;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * Decodes raw Ethereum transactions of one chain with web3j and recovers their senders.
 *
 * <p>Accepted: legacy transactions signed per EIP-155 for this chain, EIP-2930 (type 1) and EIP-1559 (type 2)
 * envelopes. Refused: other types (blob transactions, type 3, and anything newer), pre-EIP-155 legacy signatures,
 * another chain id, encodings that are not canonical (web3j's decoder is lenient, so the decoded transaction is encoded
 * again and must give the same bytes: no leading zeros, no trailing bytes, no extra list items), integers wider than
 * their field, signatures with {@code r} or {@code s} out of range or a high {@code s} (EIP-2). Stateless and
 * thread-safe.
 */
final class TxDecoder {
    /** The largest raw transaction accepted (geth's txpool limit, 4 × 32 KiB). */
    static final int MAX_TX_SIZE = 128 * 1024;
    private static final BigInteger N = Sign.CURVE_PARAMS.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger V_27 = BigInteger.valueOf(27);
    private static final BigInteger V_28 = BigInteger.valueOf(28);
    private static final BigInteger V_35 = BigInteger.valueOf(35);

    private final long chainId;

    TxDecoder(long chainId) {
        this.chainId = chainId;
    }

    /** The transaction hash, {@code keccak256(raw)}. */
    static Hash32 hashOf(Bytes raw) {
        return new Hash32(Bytes.wrap(Keccak.digest(raw.toArray())));
    }

    /** Decodes and checks the encoding, the type, the chain id and the signature values; does not recover. */
    DecodedTx decode(Bytes raw) throws InvalidTxException {
        try {
            return decodeChecked(raw);
        } catch (RuntimeException e) { // web3j's decoder throws whatever its parsing hits
            throw new InvalidTxException(Rejection.undecodable(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private DecodedTx decodeChecked(Bytes raw) throws InvalidTxException {
        int size = raw.size();
        if (size > MAX_TX_SIZE) {
            throw new InvalidTxException(Rejection.rule(Rejection.OVERSIZED_DATA + ": transaction size " + size
                    + ", limit " + MAX_TX_SIZE));
        }
        if (size == 0) {
            throw new InvalidTxException(Rejection.undecodable("empty input"));
        }
        int first = raw.get(0) & 0xff;
        int type;
        if (first >= 0xc0) {
            type = DecodedTx.LEGACY;
        } else if (first == DecodedTx.ACCESS_LIST || first == DecodedTx.DYNAMIC_FEE) {
            type = first;
        } else if (first <= 0x7f) {
            throw new InvalidTxException(Rejection.rule(Rejection.TX_TYPE_NOT_SUPPORTED + ": type " + first
                    + " (accepted: legacy EIP-155, 1 = EIP-2930, 2 = EIP-1559)"));
        } else {
            throw new InvalidTxException(Rejection.undecodable("neither an RLP list nor a typed transaction"));
        }
        byte[] bytes = raw.toArray();
        SignedRawTransaction signed = parse(bytes);
        Sign.SignatureData sig = signed.getSignatureData();
        BigInteger v = Numeric.toBigInt(sig.getV());
        BigInteger txChainId;
        if (type == DecodedTx.LEGACY) {
            byte[] vBytes = sig.getV();
            if (vBytes.length == 0 || vBytes[0] == 0) {
                throw new InvalidTxException(Rejection.undecodable("not the canonical encoding (v)"));
            }
            if (v.equals(V_27) || v.equals(V_28)) {
                throw new InvalidTxException(Rejection.rule(Rejection.UNPROTECTED));
            }
            if (v.compareTo(V_35) < 0) {
                throw new InvalidTxException(Rejection.invalidSender(Rejection.INVALID_SIGNATURE));
            }
            txChainId = v.subtract(V_35).shiftRight(1);
        } else {
            v = v.subtract(V_27); // web3j keeps a typed transaction's y parity as 27 + parity
            txChainId = BigInteger.valueOf(((Transaction2930) signed.getTransaction()).getChainId());
        }
        if (!txChainId.equals(BigInteger.valueOf(chainId))) {
            throw new InvalidTxException(Rejection.invalidSender(Rejection.INVALID_CHAIN_ID + ": have " + txChainId
                    + " want " + chainId));
        }
        BigInteger r = Numeric.toBigInt(sig.getR());
        BigInteger s = Numeric.toBigInt(sig.getS());
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(HALF_N) > 0
                || (type != DecodedTx.LEGACY && v.compareTo(BigInteger.ONE) > 0)) {
            throw new InvalidTxException(Rejection.invalidSender(Rejection.INVALID_SIGNATURE));
        }
        return fields(raw, type, txChainId, signed, v, r, s);
    }

    /** The sender: the address whose key made the signature. */
    Address recover(DecodedTx tx) throws InvalidTxException {
        BigInteger key;
        try {
            key = Sign.recoverFromSignature(tx.yParity(), new ECDSASignature(tx.r(), tx.s()),
                    tx.signingHash().value().toArray());
        } catch (RuntimeException e) {
            key = null;
        }
        if (key == null) {
            throw new InvalidTxException(Rejection.invalidSender(Rejection.INVALID_SIGNATURE));
        }
        return new Address(Bytes.wrap(Keys.getAddress(Numeric.toBytesPadded(key, 64))));
    }

    private static SignedRawTransaction parse(byte[] bytes) throws InvalidTxException {
        RawTransaction decoded = TransactionDecoder.decode(Numeric.toHexString(bytes));
        if (!(decoded instanceof SignedRawTransaction signed)) {
            throw new InvalidTxException(Rejection.undecodable("the transaction is not signed"));
        }
        if (!Arrays.equals(bytes, TransactionEncoder.encode(decoded, signed.getSignatureData()))) {
            throw new InvalidTxException(Rejection.undecodable("not the canonical encoding"));
        }
        return signed;
    }

    private static DecodedTx fields(Bytes raw, int type, BigInteger txChainId, SignedRawTransaction signed,
            BigInteger v, BigInteger r, BigInteger s) throws InvalidTxException {
        BigInteger nonce = signed.getNonce();
        if (nonce.bitLength() > 64) {
            throw new InvalidTxException(Rejection.undecodable("nonce wider than 64 bits"));
        }
        if (nonce.compareTo(BigInteger.valueOf(Long.MAX_VALUE - 1)) >= 0) {
            throw new InvalidTxException(Rejection.rule(Rejection.NONCE_MAX));
        }
        BigInteger gas = signed.getGasLimit();
        if (gas.bitLength() > 64) {
            throw new InvalidTxException(Rejection.undecodable("gas limit wider than 64 bits"));
        }
        BigInteger tip;
        BigInteger feeCap;
        List<AccessListObject> access = List.of();
        if (signed.getTransaction() instanceof Transaction1559 t) {
            tip = t.getMaxPriorityFeePerGas();
            feeCap = t.getMaxFeePerGas();
            access = t.getAccessList();
        } else {
            tip = signed.getGasPrice();
            feeCap = tip;
            if (signed.getTransaction() instanceof Transaction2930 t) {
                access = t.getAccessList();
            }
        }
        BigInteger value = signed.getValue();
        for (BigInteger word : new BigInteger[] {tip, feeCap, value}) {
            if (word.bitLength() > 256) {
                throw new InvalidTxException(Rejection.undecodable("a fee or the value is wider than 256 bits"));
            }
        }
        byte[] payload = type == DecodedTx.LEGACY ? TransactionEncoder.encode(signed, txChainId.longValueExact())
                : TransactionEncoder.encode(signed);
        Hash32 signingHash = new Hash32(Bytes.wrap(Keccak.digest(payload)));
        return new DecodedTx(raw, hashOf(raw), type, txChainId, nonce.longValueExact(), tip, feeCap,
                gas.bitLength() > 63 ? Long.MAX_VALUE : gas.longValueExact(), recipient(signed.getTo()), value,
                Bytes.wrap(Numeric.hexStringToByteArray(signed.getData() == null ? "" : signed.getData())),
                accessList(access), v, r, s, signingHash);
    }

    private static Address recipient(String to) throws InvalidTxException {
        byte[] b = to == null ? new byte[0] : Numeric.hexStringToByteArray(to);
        if (b.length == 0) {
            return null;
        }
        if (b.length != Address.SIZE) {
            throw new InvalidTxException(Rejection.undecodable("recipient of " + b.length + " bytes"));
        }
        return new Address(Bytes.wrap(b));
    }

    private static List<AccessListEntry> accessList(List<AccessListObject> objects) throws InvalidTxException {
        List<AccessListEntry> out = new ArrayList<>(objects.size());
        for (AccessListObject o : objects) {
            Address address = recipient(o.getAddress());
            if (address == null) {
                throw new InvalidTxException(Rejection.undecodable("empty address in the access list"));
            }
            List<Hash32> keys = new ArrayList<>();
            for (String k : o.getStorageKeys()) {
                byte[] key = Numeric.hexStringToByteArray(k);
                if (key.length != 32) {
                    throw new InvalidTxException(Rejection.undecodable("storage key of " + key.length + " bytes"));
                }
                keys.add(new Hash32(Bytes.wrap(key)));
            }
            out.add(new AccessListEntry(address, keys));
        }
        return out;
    }
}
