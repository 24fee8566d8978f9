package seqpool.consensus.wire;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CommitCertificate;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;
import seqpool.consensus.wire.ConsensusMessage.BlockRequest;
import seqpool.consensus.wire.ConsensusMessage.BlockResponse;
import seqpool.consensus.wire.ConsensusMessage.EvidenceMsg;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.Status;
import seqpool.consensus.wire.ConsensusMessage.Txs;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;

/**
 * The canonical encoding of consensus messages: a one-byte tag, then the fields big-endian; lists carry a u32 count,
 * byte strings a u32 length. Block ids are Keccak-256 of {@link #encodeBlock}. Thread-safe (stateless apart from the
 * immutable limits).
 */
public final class MessageCodec {
    static final int PROPOSAL = 1, VOTE = 2, EVIDENCE = 3, STATUS = 4, BLOCK_REQUEST = 5, BLOCK_RESPONSE = 6, TXS = 7;

    private final WireLimits limits;

    public MessageCodec(WireLimits limits) {
        this.limits = limits;
    }

    public WireLimits limits() {
        return limits;
    }

    public static Hash32 blockId(Block b) {
        return Keccak.keccak256(Bytes.wrap(encodeBlock(b)));
    }

    public static byte[] encodeBlock(Block b) {
        WireWriter w = new WireWriter();
        writeBlock(w, b);
        return w.toByteArray();
    }

    public Block decodeBlock(Bytes encoded) throws MalformedMessageException {
        WireReader r = new WireReader(encoded.toArray());
        try {
            Block b = readBlock(r);
            r.end();
            return b;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid block: " + e.getMessage());
        }
    }

    public Bytes encode(ConsensusMessage m) {
        WireWriter w = new WireWriter();
        if (m instanceof ProposalMsg p) {
            SignedProposal sp = p.proposal();
            w.u8(PROPOSAL).u64(sp.height()).u32(sp.round()).u32(sp.validRound()).hash(sp.blockId()).address(sp.proposer()).sig(sp.signature());
            writeBlock(w, p.block());
        } else if (m instanceof VoteMsg v) {
            w.u8(VOTE);
            writeVote(w, v.vote());
        } else if (m instanceof EvidenceMsg e) {
            w.u8(EVIDENCE);
            writeEvidence(w, e.evidence());
        } else if (m instanceof Status s) {
            w.u8(STATUS).u64(s.height());
        } else if (m instanceof BlockRequest r) {
            w.u8(BLOCK_REQUEST).u64(r.height());
        } else if (m instanceof BlockResponse r) {
            w.u8(BLOCK_RESPONSE);
            writeBlock(w, r.block().block());
            CommitCertificate c = r.block().certificate();
            w.u32(c.round()).u32(c.precommits().size());
            for (SignedVote sv : c.precommits()) {
                w.address(sv.vote().voter()).sig(sv.signature());
            }
        } else if (m instanceof Txs t) {
            w.u8(TXS).u32(t.txs().size());
            for (Bytes tx : t.txs()) {
                w.bytes(tx);
            }
        } else {
            throw new IllegalStateException("unhandled message " + m);
        }
        return w.toBytes();
    }

    public ConsensusMessage decode(Bytes payload) throws MalformedMessageException {
        if (payload.size() > limits.maxMessageBytes()) {
            throw new MalformedMessageException("message of " + payload.size() + " bytes exceeds " + limits.maxMessageBytes());
        }
        WireReader r = new WireReader(payload.toArray());
        try {
            ConsensusMessage m = switch (r.u8()) {
                case PROPOSAL -> {
                    long h = r.u64();
                    int round = (int) r.u32();
                    int vr = (int) r.u32();
                    SignedProposal sp = new SignedProposal(h, round, vr, r.hash(), r.address(), r.sig());
                    yield new ProposalMsg(sp, readBlock(r));
                }
                case VOTE -> new VoteMsg(readVote(r));
                case EVIDENCE -> new EvidenceMsg(readEvidence(r));
                case STATUS -> new Status(r.u64());
                case BLOCK_REQUEST -> new BlockRequest(r.u64());
                case BLOCK_RESPONSE -> {
                    Block b = readBlock(r);
                    Hash32 id = blockId(b);
                    int round = (int) r.u32();
                    int n = r.count(limits.maxValidators());
                    List<SignedVote> votes = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        votes.add(new SignedVote(new Vote(VoteKind.PRECOMMIT, b.height(), round, id, r.address()), r.sig()));
                    }
                    yield new BlockResponse(new CommittedBlock(b, id, new CommitCertificate(b.height(), round, id, votes)));
                }
                case TXS -> {
                    int n = r.count(limits.maxBlockTxs());
                    List<Bytes> txs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        txs.add(r.sized(limits.maxTxBytes()));
                    }
                    yield new Txs(txs);
                }
                default -> throw new MalformedMessageException("unknown message tag");
            };
            r.end();
            return m;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid field: " + e.getMessage());
        }
    }

    private static void writeBlock(WireWriter w, Block b) {
        w.u64(b.height()).hash(b.previous()).address(b.proposer()).u32(b.txs().size());
        for (Bytes tx : b.txs()) {
            w.bytes(tx);
        }
        w.u32(b.evidence().size());
        for (DuplicateVoteEvidence e : b.evidence()) {
            writeEvidence(w, e);
        }
    }

    private Block readBlock(WireReader r) throws MalformedMessageException {
        long h = r.u64();
        Hash32 prev = r.hash();
        var proposer = r.address();
        int n = r.count(limits.maxBlockTxs());
        List<Bytes> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            txs.add(r.sized(limits.maxTxBytes()));
        }
        int ne = r.count(limits.maxEvidence());
        List<DuplicateVoteEvidence> ev = new ArrayList<>(ne);
        for (int i = 0; i < ne; i++) {
            ev.add(readEvidence(r));
        }
        return new Block(h, prev, proposer, txs, ev);
    }

    private static void writeVote(WireWriter w, SignedVote sv) {
        Vote v = sv.vote();
        w.u8(v.kind().code()).u64(v.height()).u32(v.round()).hash(v.blockId()).address(v.voter()).sig(sv.signature());
    }

    private static SignedVote readVote(WireReader r) throws MalformedMessageException {
        VoteKind k = VoteKind.ofCode(r.u8());
        long h = r.u64();
        int round = (int) r.u32();
        return new SignedVote(new Vote(k, h, round, r.hash(), r.address()), r.sig());
    }

    private static void writeEvidence(WireWriter w, DuplicateVoteEvidence e) {
        writeVote(w, e.first());
        writeVote(w, e.second());
    }

    private static DuplicateVoteEvidence readEvidence(WireReader r) throws MalformedMessageException {
        return new DuplicateVoteEvidence(readVote(r), readVote(r));
    }
}
