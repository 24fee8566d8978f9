package seqpool.staking.l1;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.wrappers.LockingPool;

/** {@link DuplicateVoteEvidence} as LockingPool.slashDoubleSign takes it, and the key under which L1 records it. */
final class DoubleSignEvidence {
    private DoubleSignEvidence() {
    }

    /** {@code keccak256(abi.encode(address signer, uint8 kind, uint64 height, uint32 round))}, LockingPool's evidenceUsed key. */
    static byte[] key(DuplicateVoteEvidence evidence) {
        Vote v = evidence.first().vote();
        return Hash.sha3(PoolMessageDigest.encode(List.of(new Address(v.voter().toHex()), new Uint8(v.kind().code()),
                new Uint64(BigInteger.valueOf(v.height())), new Uint32(BigInteger.valueOf(v.round())))));
    }

    static LockingPool.Vote vote(SignedVote signed) {
        Vote v = signed.vote();
        return new LockingPool.Vote(BigInteger.valueOf(v.kind().code()), BigInteger.valueOf(v.height()),
                BigInteger.valueOf(v.round()), v.blockId().value().toArray());
    }

    /** r ‖ s ‖ v (65 bytes, v 27/28), as OpenZeppelin's ECDSA.recover takes it. */
    static byte[] signature(SignedVote signed) {
        return signed.signature().toBytes65().toArray();
    }
}
