package seqpool.codec.eip712;

import java.nio.charset.StandardCharsets;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * EIP-712 hashes of consensus votes and proposals: {@code hashStruct} of each type and the digest
 * {@code keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message))} that validators sign.
 *
 * <p>Field ranges are checked (kind 1 or 2, uint64 height ≥ 0, uint32 round, int32 validRound ≥ −1); a nil block id
 * is {@link Hash32#ZERO}. Stateless and thread-safe.
 */
public final class ConsensusTypedData {
    public static final String VOTE_TYPE = "Vote(uint8 kind,uint64 height,uint32 round,bytes32 blockId)";
    public static final String PROPOSAL_TYPE = "Proposal(uint64 height,uint32 round,int32 validRound,bytes32 blockId)";
    static final byte[] VOTE_TYPE_HASH = Keccak.digest(VOTE_TYPE.getBytes(StandardCharsets.UTF_8));
    static final byte[] PROPOSAL_TYPE_HASH = Keccak.digest(PROPOSAL_TYPE.getBytes(StandardCharsets.UTF_8));

    private ConsensusTypedData() {
    }

    /** {@code hashStruct(Vote)}; kind 1 = prevote, 2 = precommit. */
    public static Hash32 voteHash(int kind, long height, long round, Hash32 blockId) {
        if (kind != 1 && kind != 2) {
            throw new IllegalArgumentException("vote kind must be 1 (prevote) or 2 (precommit), got " + kind);
        }
        checkHeightRound(height, round);
        byte[] enc = new byte[32 * 5];
        Words.putBytes32(enc, 0, VOTE_TYPE_HASH);
        Words.putUnsigned(enc, 32, kind);
        Words.putUnsigned(enc, 64, height);
        Words.putUnsigned(enc, 96, round);
        Words.putBytes32(enc, 128, blockId.value().toArray());
        return new Hash32(Bytes.wrap(Keccak.digest(enc)));
    }

    /** {@code hashStruct(Proposal)}; {@code validRound} is −1 when the proposer has no valid round. */
    public static Hash32 proposalHash(long height, long round, long validRound, Hash32 blockId) {
        checkHeightRound(height, round);
        if (validRound < -1 || validRound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("validRound must be an int32 >= -1, got " + validRound);
        }
        byte[] enc = new byte[32 * 5];
        Words.putBytes32(enc, 0, PROPOSAL_TYPE_HASH);
        Words.putUnsigned(enc, 32, height);
        Words.putUnsigned(enc, 64, round);
        Words.putSigned(enc, 96, validRound);
        Words.putBytes32(enc, 128, blockId.value().toArray());
        return new Hash32(Bytes.wrap(Keccak.digest(enc)));
    }

    /** The digest to sign: {@code keccak256(0x1901 ‖ domainSeparator ‖ structHash)}. */
    public static Hash32 digest(Eip712Domain domain, Hash32 structHash) {
        byte[] enc = new byte[66];
        enc[0] = 0x19;
        enc[1] = 0x01;
        System.arraycopy(domain.separator().value().toArray(), 0, enc, 2, 32);
        System.arraycopy(structHash.value().toArray(), 0, enc, 34, 32);
        return new Hash32(Bytes.wrap(Keccak.digest(enc)));
    }

    public static Hash32 voteDigest(Eip712Domain domain, int kind, long height, long round, Hash32 blockId) {
        return digest(domain, voteHash(kind, height, round, blockId));
    }

    public static Hash32 proposalDigest(Eip712Domain domain, long height, long round, long validRound, Hash32 blockId) {
        return digest(domain, proposalHash(height, round, validRound, blockId));
    }

    private static void checkHeightRound(long height, long round) {
        if (height < 0) {
            throw new IllegalArgumentException("height is a uint64 stored in a signed long; must be >= 0, got " + height);
        }
        if (round < 0 || round > 0xffffffffL) {
            throw new IllegalArgumentException("round must be a uint32, got " + round);
        }
    }
}
