package seqpool.codec.eip712;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * An EIP-712 domain {@code EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)}.
 * {@link #seqpool(long, Address)} is the one consensus signs under: name "seqpool", version "1", the L1 chain id and the
 * LockingPool address. Immutable; the separator is computed once.
 */
public record Eip712Domain(String name, String version, long chainId, Address verifyingContract, Hash32 separator) {
    static final byte[] TYPE_HASH = Keccak.digest(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".getBytes(StandardCharsets.UTF_8));

    public Eip712Domain {
        if (name == null || version == null || verifyingContract == null || chainId < 0) {
            throw new IllegalArgumentException("domain needs name, version, chainId >= 0 and verifyingContract");
        }
        Hash32 computed = compute(name, version, chainId, verifyingContract);
        if (separator != null && !separator.equals(computed)) {
            throw new IllegalArgumentException("domain separator does not match the domain fields");
        }
        separator = computed;
    }

    public Eip712Domain(String name, String version, long chainId, Address verifyingContract) {
        this(name, version, chainId, verifyingContract, null);
    }

    /** The seqpool consensus domain on the L1 chain {@code chainId} with the LockingPool at {@code lockingPool}. */
    public static Eip712Domain seqpool(long chainId, Address lockingPool) {
        return new Eip712Domain("seqpool", "1", chainId, lockingPool);
    }

    private static Hash32 compute(String name, String version, long chainId, Address contract) {
        byte[] enc = new byte[32 * 5];
        System.arraycopy(TYPE_HASH, 0, enc, 0, 32);
        System.arraycopy(Keccak.digest(name.getBytes(StandardCharsets.UTF_8)), 0, enc, 32, 32);
        System.arraycopy(Keccak.digest(version.getBytes(StandardCharsets.UTF_8)), 0, enc, 64, 32);
        Words.putUnsigned(enc, 96, BigInteger.valueOf(chainId));
        Words.putAddress(enc, 128, contract);
        return new Hash32(Bytes.wrap(Keccak.digest(enc)));
    }
}
