package seqpool.pos.state;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.Vote;
import seqpool.codec.evidence.EvidenceBytes;
import seqpool.pos.tx.MalformedTxException;

/**
 * Equivocation evidence in a task's parameters ({@link EvidenceBytes}), and the key that names one offence the way
 * LockingPool does ({@code signer / kind / height / round}).
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
        return EvidenceBytes.encode(e);
    }

    public static DuplicateVoteEvidence decode(Bytes b) throws MalformedTxException {
        try {
            return EvidenceBytes.decode(b);
        } catch (IllegalArgumentException ex) {
            throw new MalformedTxException("bad evidence: " + ex.getMessage());
        }
    }
}
