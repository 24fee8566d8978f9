package seqpool.contracts.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.contracts.digest.PoolMessageDigest;

/**
 * EIP-712 consensus votes as DESIGN.md §4 defines them, computed independently of the contract: domain
 * EIP712Domain(name "seqpool", version "1", chainId, verifyingContract = LockingPool), Vote(uint8 kind, uint64 height,
 * uint32 round, bytes32 blockId).
 */
public final class VoteSigner {
    private static final byte[] DOMAIN_TYPEHASH = keccak(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static final byte[] VOTE_TYPEHASH = keccak("Vote(uint8 kind,uint64 height,uint32 round,bytes32 blockId)");

    private VoteSigner() {
    }

    public static byte[] domainSeparator(long chainId, String lockingPool) {
        return Hash.sha3(PoolMessageDigest.encode(List.of(new Bytes32(DOMAIN_TYPEHASH), new Bytes32(keccak("seqpool")),
                new Bytes32(keccak("1")), new Uint256(chainId), new Address(lockingPool))));
    }

    public static byte[] digest(long chainId, String lockingPool, int kind, long height, long round, byte[] blockId) {
        byte[] struct = Hash.sha3(PoolMessageDigest.encode(List.of(new Bytes32(VOTE_TYPEHASH), new Uint8(kind),
                new Uint64(height), new Uint32(round), new Bytes32(blockId))));
        byte[] pre = new byte[66];
        pre[0] = 0x19;
        pre[1] = 0x01;
        System.arraycopy(domainSeparator(chainId, lockingPool), 0, pre, 2, 32);
        System.arraycopy(struct, 0, pre, 34, 32);
        return Hash.sha3(pre);
    }

    /** r || s || v (65 bytes), low s. */
    public static byte[] sign(byte[] digest, ECKeyPair key) {
        Sign.SignatureData s = Sign.signMessage(digest, key, false);
        byte[] out = new byte[65];
        System.arraycopy(s.getR(), 0, out, 0, 32);
        System.arraycopy(s.getS(), 0, out, 32, 32);
        out[64] = s.getV()[0];
        return out;
    }

    /** The same signature with s := n - s and v flipped (mathematically valid, rejected as malleable). */
    public static byte[] highS(byte[] sig) {
        byte[] out = sig.clone();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        byte[] high = org.web3j.utils.Numeric.toBytesPadded(Secp256k1Group.N.subtract(s), 32);
        System.arraycopy(high, 0, out, 32, 32);
        out[64] = (byte) (sig[64] == 27 ? 28 : 27);
        return out;
    }

    private static byte[] keccak(String s) {
        return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
    }
}
