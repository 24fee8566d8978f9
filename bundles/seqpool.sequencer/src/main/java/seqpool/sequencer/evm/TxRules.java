package seqpool.sequencer.evm;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;

import org.web3j.crypto.AccessListObject;
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
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.Secp256k1;

/**
 * The checks of a raw transaction that need no state, in geth's order and words: size ({@code oversized data}),
 * type, encoding, chain id, block gas limit, fee fields, signature ({@code invalid sender}), intrinsic gas (with
 * EIP-3860's initcode limit and EIP-7623's calldata floor, both in force under Prague and Osaka). Types 0 (legacy,
 * EIP-155 only), 1 (EIP-2930) and 2 (EIP-1559); blob (3) and set-code (4) transactions are not supported on L2.
 * Pure and thread-safe.
 */
final class TxRules {
    /** geth's txMaxSize: 4 slots of 32 KiB. */
    static final int MAX_TX_SIZE = 128 * 1024;
    static final int MAX_INITCODE_SIZE = 2 * 24_576;
    static final long TX_GAS = 21_000;
    static final long CREATE_GAS = 32_000;
    private static final BigInteger HALF_N = Secp256k1.N.shiftRight(1);

    private TxRules() {
    }

    static DecodedTx decode(Bytes raw, long chainId, long blockGasLimit) throws TxRefusal {
        if (raw == null || raw.size() == 0) {
            throw TxRefusal.undecodable("empty transaction");
        }
        if (raw.size() > MAX_TX_SIZE) {
            throw TxRefusal.invalid("oversized data");
        }
        int first = raw.get(0) & 0xff;
        if (first >= 0x80 && first < 0xc0) {
            throw TxRefusal.undecodable("transaction could not be decoded: not an RLP list or a typed envelope");
        }
        if (first < 0x80 && first != 1 && first != 2) {
            throw TxRefusal.invalid("transaction type not supported");
        }
        SignedRawTransaction tx = decodeSigned(raw);
        long txChainId = chainIdOf(tx);
        if (txChainId != chainId) {
            throw TxRefusal.invalid("invalid chain id");
        }
        BigInteger gas = tx.getGasLimit();
        if (gas.bitLength() > 63 || gas.longValueExact() > blockGasLimit) {
            throw TxRefusal.invalid("exceeds block gas limit");
        }
        BigInteger maxFee = tx.getTransaction() instanceof Transaction1559 t ? t.getMaxFeePerGas() : tx.getGasPrice();
        BigInteger tip = tx.getTransaction() instanceof Transaction1559 t ? t.getMaxPriorityFeePerGas() : maxFee;
        if (maxFee.bitLength() > 256) {
            throw TxRefusal.invalid("max fee per gas higher than 2^256-1");
        }
        if (tip.bitLength() > 256) {
            throw TxRefusal.invalid("max priority fee per gas higher than 2^256-1");
        }
        if (tip.compareTo(maxFee) > 0) {
            throw TxRefusal.invalid("max priority fee per gas higher than max fee per gas");
        }
        if (tx.getNonce().bitLength() > 63) {
            throw TxRefusal.invalid("nonce has max value");
        }
        Address from = sender(tx);
        long gasLimit = gas.longValueExact();
        byte[] data = Numeric.hexStringToByteArray(tx.getData() == null ? "" : tx.getData());
        boolean create = isCreate(tx.getTo());
        if (create && data.length > MAX_INITCODE_SIZE) {
            throw TxRefusal.invalid("max initcode size exceeded: code size " + data.length + ", limit "
                    + MAX_INITCODE_SIZE);
        }
        long intrinsic = intrinsicGas(data, create, tx.getTransaction() instanceof Transaction2930 t
                ? t.getAccessList() : java.util.List.of());
        if (gasLimit < intrinsic) {
            throw TxRefusal.invalid("intrinsic gas too low: gas " + gasLimit + ", minimum needed " + intrinsic);
        }
        long floor = floorDataGas(data);
        if (gasLimit < floor) {
            throw TxRefusal.invalid("insufficient gas for floor data gas cost: gas " + gasLimit + ", minimum needed "
                    + floor);
        }
        return new DecodedTx(raw, Keccak.keccak256(raw), from, tx.getNonce().longValueExact(), gasLimit, maxFee,
                tx.getValue());
    }

    private static SignedRawTransaction decodeSigned(Bytes raw) throws TxRefusal {
        RawTransaction decoded;
        try {
            decoded = TransactionDecoder.decode(Numeric.toHexString(raw.toArray()));
        } catch (RuntimeException e) {
            throw TxRefusal.undecodable("transaction could not be decoded: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (!(decoded instanceof SignedRawTransaction signed) || signed.getSignatureData() == null) {
            throw TxRefusal.undecodable("transaction could not be decoded: not signed");
        }
        byte[] again;
        try {
            again = TransactionEncoder.encode(decoded, signed.getSignatureData());
        } catch (RuntimeException e) {
            throw TxRefusal.undecodable("transaction could not be decoded: " + e.getMessage());
        }
        if (!Arrays.equals(again, raw.toArray())) {
            throw TxRefusal.undecodable("transaction could not be decoded: non-canonical encoding");
        }
        return signed;
    }

    private static long chainIdOf(SignedRawTransaction tx) throws TxRefusal {
        if (tx.getTransaction() instanceof Transaction2930 typed) {
            return typed.getChainId();
        }
        BigInteger v = Numeric.toBigInt(tx.getSignatureData().getV());
        if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
            throw TxRefusal.invalid("only replay-protected (EIP-155) transactions allowed over RPC");
        }
        if (v.compareTo(BigInteger.valueOf(35)) < 0 || v.bitLength() > 63) {
            throw TxRefusal.invalid("invalid chain id");
        }
        return v.subtract(BigInteger.valueOf(35)).shiftRight(1).longValueExact();
    }

    private static Address sender(SignedRawTransaction tx) throws TxRefusal {
        Sign.SignatureData sig = tx.getSignatureData();
        BigInteger r = Numeric.toBigInt(sig.getR());
        BigInteger s = Numeric.toBigInt(sig.getS());
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(Secp256k1.N) >= 0 || s.compareTo(HALF_N) > 0) {
            throw TxRefusal.invalid("invalid sender");
        }
        try {
            return Address.fromHex(tx.getFrom());
        } catch (SignatureException | RuntimeException e) {
            throw TxRefusal.invalid("invalid sender");
        }
    }

    static boolean isCreate(String to) {
        return to == null || to.isEmpty() || "0x".equalsIgnoreCase(to);
    }

    /** EIP-2028 calldata, EIP-2930 access list, creation and EIP-3860 initcode words. */
    static long intrinsicGas(byte[] data, boolean create, java.util.List<AccessListObject> accessList) {
        long gas = TX_GAS + (create ? CREATE_GAS : 0);
        for (byte b : data) {
            gas += b == 0 ? 4 : 16;
        }
        if (create) {
            gas += 2L * ((data.length + 31) / 32);
        }
        for (AccessListObject entry : accessList) {
            gas += 2_400 + 1_900L * entry.getStorageKeys().size();
        }
        return gas;
    }

    /** EIP-7623: 21,000 + 10 per token, a zero byte one token, any other byte four. */
    static long floorDataGas(byte[] data) {
        long tokens = 0;
        for (byte b : data) {
            tokens += b == 0 ? 1 : 4;
        }
        return TX_GAS + 10 * tokens;
    }
}
