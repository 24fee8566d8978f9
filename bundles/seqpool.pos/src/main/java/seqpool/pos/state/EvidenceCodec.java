package seqpool.pos.state;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.pos.bin.BinReader;
import seqpool.pos.bin.BinWriter;
import seqpool.pos.tx.MalformedTxException;

/**
 * Equivocation evidence in a task's parameters: both votes with their signatures; and the key that names one offence
 * the way LockingPool does ({@code signer / kind / height / round}).
 */
public final class EvidenceCodec {
    private EvidenceCodec() {
    }

    public static String key(DuplicateVoteEvidence e) {
        Vote v = e.first().vote();
        return key(v.voter(), v.kind().code(), v.height(), v.round());
    }

    public static String key(Address signer, int kind, long height, int round) {
        return signer.toHex() + "/" + kind + "/" + height + "/" + round;
    }

    public static Bytes encode(DuplicateVoteEvidence e) {
        BinWriter w = new BinWriter();
        vote(w, e.first());
        vote(w, e.second());
        return w.toBytes();
    }

    public static DuplicateVoteEvidence decode(Bytes b) throws MalformedTxException {
        BinReader r = new BinReader(b);
        try {
            DuplicateVoteEvidence e = new DuplicateVoteEvidence(vote(r), vote(r));
            r.end();
            return e;
        } catch (IllegalArgumentException ex) {
            throw new MalformedTxException("bad evidence: " + ex.getMessage());
        }
    }

    private static void vote(BinWriter w, SignedVote sv) {
        Vote v = sv.vote();
        w.u8(v.kind().code()).u64(v.height()).u32(v.round()).hash(v.blockId()).address(v.voter()).signature(sv.signature());
    }

    private static SignedVote vote(BinReader r) throws MalformedTxException {
        VoteKind kind = VoteKind.ofCode(r.u8());
        long height = r.u64();
        int round = r.u32Int(Integer.MAX_VALUE);
        return new SignedVote(new Vote(kind, height, round, r.hash(), r.address()), r.signature());
    }
}
