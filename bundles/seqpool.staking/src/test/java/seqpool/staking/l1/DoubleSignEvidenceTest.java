package seqpool.staking.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;

/** The evidence key is LockingPool's abi.encode layout; the votes and signatures are passed through unchanged. */
class DoubleSignEvidenceTest {
    private static final Address VOTER = Address.fromHex("0x00000000000000000000000000000000000000a1");

    private static SignedVote vote(int blockByte, int v) {
        byte[] id = new byte[32];
        id[31] = (byte) blockByte;
        byte[] r = new byte[32];
        r[0] = (byte) blockByte;
        return new SignedVote(new Vote(VoteKind.PRECOMMIT, 0x0102030405L, 7, new Hash32(Bytes.wrap(id)), VOTER),
                new EcdsaSignature(Bytes.wrap(r), Bytes.wrap(new byte[32]), v));
    }

    @Test
    void keyIsKeccakOfFourAbiWords() {
        DuplicateVoteEvidence e = new DuplicateVoteEvidence(vote(2, 27), vote(1, 28));
        byte[] words = new byte[128];
        System.arraycopy(VOTER.value().toArray(), 0, words, 12, 20); // address, left-padded
        words[63] = 2; // uint8 kind (precommit)
        System.arraycopy(new byte[] {1, 2, 3, 4, 5}, 0, words, 91, 5); // uint64 height
        words[127] = 7; // uint32 round
        assertArrayEquals(Hash.sha3(words), DoubleSignEvidence.key(e));

        // the key does not depend on which block ids were signed or in which order the votes came
        DuplicateVoteEvidence other = new DuplicateVoteEvidence(vote(3, 28), vote(4, 27));
        assertArrayEquals(DoubleSignEvidence.key(e), DoubleSignEvidence.key(other));
        byte[] roundChanged = words.clone();
        roundChanged[127] = 8;
        assertFalse(Arrays.equals(Hash.sha3(roundChanged), DoubleSignEvidence.key(e)));
    }

    @Test
    void votesAndSignaturesAsTheContractTakesThem() {
        SignedVote s = vote(1, 28);
        var v = DoubleSignEvidence.vote(s);
        assertEquals(BigInteger.TWO, v.kind);
        assertEquals(BigInteger.valueOf(0x0102030405L), v.height);
        assertEquals(BigInteger.valueOf(7), v.round);
        assertArrayEquals(s.vote().blockId().value().toArray(), v.blockId);
        byte[] sig = DoubleSignEvidence.signature(s);
        assertEquals(65, sig.length);
        assertEquals(28, sig[64]);
        assertEquals(1, sig[0]);
    }
}
