package seqpool.codec.evidence;

import java.nio.ByteBuffer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;

/**
 * Equivocation evidence as bytes: the two signed votes, each {@code kind(1) ‖ height(8) ‖ round(4) ‖ blockId(32) ‖
 * voter(20) ‖ r ‖ s ‖ v (65)}, 130 bytes, 260 in all. Decoding checks the length and the evidence's shape (same voter,
 * kind, height and round; different block ids) and throws {@link IllegalArgumentException} otherwise; signatures are
 * the receiver's to verify. Stateless.
 */
public final class EvidenceBytes {
    public static final int VOTE_BYTES = 1 + 8 + 4 + 32 + 20 + 65;

    private EvidenceBytes() {
    }

    public static Bytes encode(DuplicateVoteEvidence e) {
        ByteBuffer b = ByteBuffer.allocate(2 * VOTE_BYTES);
        put(b, e.first());
        put(b, e.second());
        return Bytes.wrap(b.array());
    }

    public static DuplicateVoteEvidence decode(Bytes bytes) {
        if (bytes.size() != 2 * VOTE_BYTES) {
            throw new IllegalArgumentException("evidence is " + (2 * VOTE_BYTES) + " bytes, got " + bytes.size());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes.toArray());
        return new DuplicateVoteEvidence(get(b), get(b));
    }

    private static void put(ByteBuffer b, SignedVote sv) {
        Vote v = sv.vote();
        b.put((byte) v.kind().code()).putLong(v.height()).putInt(v.round()).put(v.blockId().value().toArray())
                .put(v.voter().value().toArray()).put(sv.signature().toBytes65().toArray());
    }

    private static SignedVote get(ByteBuffer b) {
        VoteKind kind = VoteKind.ofCode(b.get() & 0xff);
        long height = b.getLong();
        int round = b.getInt();
        byte[] id = new byte[32];
        b.get(id);
        byte[] voter = new byte[20];
        b.get(voter);
        byte[] sig = new byte[65];
        b.get(sig);
        return new SignedVote(new Vote(kind, height, round, new Hash32(Bytes.wrap(id)), new Address(Bytes.wrap(voter))),
                EcdsaSignature.fromBytes65(Bytes.wrap(sig)));
    }
}
