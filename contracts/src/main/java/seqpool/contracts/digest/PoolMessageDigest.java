package seqpool.contracts.digest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The 32-byte digests the pool key signs, computed exactly as the contracts do ({@code PoolDigest.sol}):
 * {@code keccak256(abi.encode(keccak256("seqpool.PoolMessage.v1"), chainId, verifyingContract, purpose,
 * keccak256(abi.encode(payload...))))} with {@code purpose = keccak256("seqpool.<Purpose>")}. Every payload starts
 * with the sequence number the contract expects next, which makes each signature single-use. Stateless.
 */
public final class PoolMessageDigest {
    private static final byte[] TAG = Hash.sha3("seqpool.PoolMessage.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** The purposes, each bound to one contract. */
    public enum Purpose {
        ROTATE_POOL_KEY("seqpool.RotatePoolKey"),
        SUBMIT_REWARDS("seqpool.SubmitRewards"),
        SLASH("seqpool.Slash"),
        JAIL("seqpool.Jail"),
        COMMIT_EPOCH("seqpool.CommitEpoch"),
        RECOMMIT_EPOCH("seqpool.RecommitEpoch"),
        APPEND_BATCH("seqpool.AppendBatch");

        private final byte[] hash;

        Purpose(String tag) {
            this.hash = Hash.sha3(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public byte[] hash() {
            return hash.clone();
        }
    }

    private PoolMessageDigest() {
    }

    /** The digest of {@code payload} (already abi-encoded) for {@code purpose} at {@code verifyingContract}. */
    public static byte[] digest(long chainId, String verifyingContract, Purpose purpose, byte[] encodedPayload) {
        List<Type> outer = List.of(new Bytes32(TAG), new Uint256(chainId), new Address(verifyingContract),
                new Bytes32(purpose.hash), new Bytes32(Hash.sha3(encodedPayload)));
        return Hash.sha3(encode(outer));
    }

    /** {@code abi.encode(values...)}. */
    public static byte[] encode(List<Type> values) {
        return Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(values));
    }

    public static byte[] rotatePoolKey(long chainId, String registry, long currentGeneration, BigInteger newX, BigInteger newY) {
        return digest(chainId, registry, Purpose.ROTATE_POOL_KEY,
                encode(List.of(new Uint64(currentGeneration), new Uint256(newX), new Uint256(newY))));
    }

    public static byte[] submitRewards(long chainId, String lockingPool, BigInteger batchId, BigInteger startEpoch,
            BigInteger endEpoch, List<BigInteger> seqIds, List<BigInteger> blocks) {
        return digest(chainId, lockingPool, Purpose.SUBMIT_REWARDS, encode(List.of(new Uint256(batchId),
                new Uint256(startEpoch), new Uint256(endEpoch), uints(seqIds), uints(blocks))));
    }

    /** {@code actionNonce} = the LockingPool's {@code poolActionNonce() + 1}. */
    public static byte[] slash(long chainId, String lockingPool, BigInteger actionNonce, BigInteger seqId,
            BigInteger amount, byte[] reasonHash) {
        return digest(chainId, lockingPool, Purpose.SLASH, encode(List.of(new Uint256(actionNonce),
                new Uint256(seqId), new Uint256(amount), new Bytes32(reasonHash))));
    }

    public static byte[] jail(long chainId, String lockingPool, BigInteger actionNonce, BigInteger seqId, byte[] reasonHash) {
        return digest(chainId, lockingPool, Purpose.JAIL,
                encode(List.of(new Uint256(actionNonce), new Uint256(seqId), new Bytes32(reasonHash))));
    }

    public static byte[] commitEpoch(long chainId, String sequencerSet, long id, long firstL2Block, long lastL2Block,
            String producer) {
        return digest(chainId, sequencerSet, Purpose.COMMIT_EPOCH, encode(List.of(new Uint64(id),
                new Uint64(firstL2Block), new Uint64(lastL2Block), new Address(producer))));
    }

    public static byte[] recommitEpoch(long chainId, String sequencerSet, long id, long rotation, long fromL2Block,
            String producer) {
        return digest(chainId, sequencerSet, Purpose.RECOMMIT_EPOCH, encode(List.of(new Uint64(id),
                new Uint32(rotation), new Uint64(fromL2Block), new Address(producer))));
    }

    /** The header hash the BatchInbox stores and emits (keccak256 of the abi-encoded header fields). */
    public static byte[] batchHeaderHash(long index, long firstL2Block, long lastL2Block, byte[] blockHashesCommitment,
            byte[] postStateRoot, int dataKind, List<byte[]> dataHashes) {
        List<Bytes32> hashes = new ArrayList<>();
        for (byte[] h : dataHashes) {
            hashes.add(new Bytes32(h));
        }
        return Hash.sha3(encode(List.of(new Uint64(index), new Uint64(firstL2Block), new Uint64(lastL2Block),
                new Bytes32(blockHashesCommitment), new Bytes32(postStateRoot), new Uint8(dataKind),
                new DynamicArray<>(Bytes32.class, hashes))));
    }

    public static byte[] appendBatch(long chainId, String inbox, long index, long firstL2Block, long lastL2Block,
            byte[] blockHashesCommitment, byte[] postStateRoot, int dataKind, List<byte[]> dataHashes) {
        byte[] headerHash = batchHeaderHash(index, firstL2Block, lastL2Block, blockHashesCommitment, postStateRoot,
                dataKind, dataHashes);
        List<Type> outer = List.of(new Bytes32(TAG), new Uint256(chainId), new Address(inbox),
                new Bytes32(Purpose.APPEND_BATCH.hash), new Bytes32(headerHash));
        return Hash.sha3(encode(outer));
    }

    private static DynamicArray<Uint256> uints(List<BigInteger> values) {
        List<Uint256> out = new ArrayList<>();
        for (BigInteger v : values) {
            out.add(new Uint256(v));
        }
        return new DynamicArray<>(Uint256.class, out);
    }
}
