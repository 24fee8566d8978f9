package seqpool.consensus.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CommitCertificate;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;

/**
 * Golden bytes of every consensus message: a new version of the module must read what an old one sent, so each
 * encoding is pinned here byte for byte (not only round-tripped through the same codec). A change to one of these
 * strings is a wire-format change: it needs a new protocol version (consensus/2), not an edited constant. Run with
 * {@code -Dseqpool.golden.print=true} to print the current encodings.
 */
class MessageCodecGoldenTest {
    static final Address A = Address.fromHex("0x1111111111111111111111111111111111111111");
    static final Address B = Address.fromHex("0x2222222222222222222222222222222222222222");
    static final Hash32 H1 = Hash32.fromHex("0x" + "a1".repeat(32));
    static final Hash32 H2 = Hash32.fromHex("0x" + "b2".repeat(32));
    static final EcdsaSignature SIG = new EcdsaSignature(Bytes.fromHex("0x" + "0c".repeat(32)),
            Bytes.fromHex("0x" + "0d".repeat(32)), 28);

    private final MessageCodec codec = new MessageCodec(WireLimits.DEFAULT);

    static Map<String, ConsensusMessage> messages() {
        SignedVote prevote = new SignedVote(new Vote(VoteKind.PREVOTE, 7, 1, H1, A), SIG);
        SignedVote nilPrecommit = new SignedVote(new Vote(VoteKind.PRECOMMIT, 7, 2, Hash32.ZERO, B), SIG);
        SignedVote precommitA = new SignedVote(new Vote(VoteKind.PRECOMMIT, 7, 1, H1, A), SIG);
        SignedVote precommitB = new SignedVote(new Vote(VoteKind.PRECOMMIT, 7, 1, H2, A), SIG);
        DuplicateVoteEvidence evidence = new DuplicateVoteEvidence(precommitA, precommitB);
        Block block = new Block(7, H2, A, List.of(Bytes.fromHex("0x010203"), Bytes.fromHex("0x")), List.of(evidence));
        Map<String, ConsensusMessage> m = new LinkedHashMap<>();
        m.put("proposal", new ConsensusMessage.ProposalMsg(new SignedProposal(7, 2, 1, MessageCodec.blockId(block), A,
                SIG), block));
        m.put("prevote", new ConsensusMessage.VoteMsg(prevote));
        m.put("nil precommit", new ConsensusMessage.VoteMsg(nilPrecommit));
        m.put("evidence", new ConsensusMessage.EvidenceMsg(evidence));
        m.put("status", new ConsensusMessage.Status(123_456_789L));
        m.put("block request", new ConsensusMessage.BlockRequest(42));
        Block empty = new Block(8, H1, B, List.of(), List.of());
        m.put("block response", new ConsensusMessage.BlockResponse(new CommittedBlock(empty, MessageCodec.blockId(empty),
                new CommitCertificate(8, 0, MessageCodec.blockId(empty), List.of(new SignedVote(
                        new Vote(VoteKind.PRECOMMIT, 8, 0, MessageCodec.blockId(empty), A), SIG))))));
        m.put("txs", new ConsensusMessage.Txs(List.of(Bytes.fromHex("0xdeadbeef"), Bytes.fromHex("0x00"))));
        return m;
    }

    static final Map<String, String> GOLDEN = Map.of(
            "proposal", "010000000000000007000000020000000106d82b25252c3a031093ff889a801e6f28da61905341aad12fc060f75d7bcf"
                    + "4d11111111111111111111111111111111111111110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0c0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c0000000000000007b2b2"
                    + "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2111111111111111111111111111111111111"
                    + "11110000000200000003010203000000000000000102000000000000000700000001a1a1a1a1a1a1a1a1a1a1a1a1a1a1"
                    + "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a111111111111111111111111111111111111111110c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d"
                    + "0d0d0d0d0d0d1c02000000000000000700000001b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"
                    + "b2b2b2b211111111111111111111111111111111111111110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0c0c0c0c0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c",
            "prevote", "0201000000000000000700000001a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a11111"
                    + "1111111111111111111111111111111111110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c",
            "nil precommit", "020200000000000000070000000200000000000000000000000000000000000000000000000000000000000000002222"
                    + "2222222222222222222222222222222222220c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c",
            "evidence", "0302000000000000000700000001a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a11111"
                    + "1111111111111111111111111111111111110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"
                    + "0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c02000000000000000700000001"
                    + "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b211111111111111111111111111111111"
                    + "111111110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0d0d0d0d0d0d0d0d0d0d0d0d"
                    + "0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c",
            "status", "0400000000075bcd15",
            "block request", "05000000000000002a",
            "block response", "060000000000000008a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a122222222222222"
                    + "222222222222222222222222220000000000000000000000000000000111111111111111111111111111111111111111"
                    + "110c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d"
                    + "0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d1c",
            "txs", "070000000200000004deadbeef0000000100");

    @Test
    void everyMessageHasItsPinnedEncodingAndDecodesFromIt() throws Exception {
        boolean print = Boolean.getBoolean("seqpool.golden.print");
        for (Map.Entry<String, ConsensusMessage> e : messages().entrySet()) {
            String hex = codec.encode(e.getValue()).toHex();
            if (print) {
                System.out.println("GOLDEN \"" + e.getKey() + "\", \"" + hex + "\",");
                continue;
            }
            assertEquals(GOLDEN.get(e.getKey()), hex, e.getKey() + ": the encoding changed");
            assertEquals(e.getValue(), codec.decode(Bytes.fromHex("0x" + GOLDEN.get(e.getKey()))),
                    e.getKey() + ": the pinned bytes decode to the message");
        }
    }
}
