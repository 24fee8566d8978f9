package seqpool.node.admin;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.codec.evidence.EvidenceBytes;

/** Evidence in a request body: the hex of {@link EvidenceBytes} (0x optional). */
final class EvidenceText {
    private EvidenceText() {
    }

    static DuplicateVoteEvidence parse(String hex) {
        if (!hex.matches("(0x)?[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("expected hex");
        }
        return EvidenceBytes.decode(Bytes.fromHex(hex));
    }
}
