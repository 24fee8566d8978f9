package seqpool.consensus.host;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.SignedVote;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SignedProposal;

/**
 * Moves signature recovery of incoming votes and proposals off the event thread: {@link #preverify} runs on the
 * transport's I/O thread before the message is queued, and remembers the exact (digest, signature, signer) triples that
 * verified; {@link #verify}, called by the node on the event thread, answers true for a remembered triple and falls
 * back to the real verifier otherwise. Only positive results are remembered and the node still makes every check it
 * makes without this class (validator membership, proposer, signature), so the accepted messages are the same.
 *
 * <p>Thread-safety: safe for any number of threads. The memory is bounded (cleared when it exceeds
 * {@value #MAX_REMEMBERED} entries, after which verification simply happens again on the event thread).
 */
final class PreVerifier implements SignatureVerifier {
    static final int MAX_REMEMBERED = 50_000;

    private record Triple(Hash32 digest, EcdsaSignature signature, Address signer) {
    }

    private final SignatureVerifier inner;
    private final NodeConfig config;
    private final MessageCodec codec;
    private final LongSupplier currentHeight;
    private final Set<Triple> verified = ConcurrentHashMap.newKeySet();

    /** {@code currentHeight} is the height the engine is deciding (may lag; it only decides what is worth checking). */
    PreVerifier(SignatureVerifier inner, NodeConfig config, LongSupplier currentHeight) {
        this.inner = inner;
        this.config = config;
        this.codec = new MessageCodec(config.limits());
        this.currentHeight = currentHeight;
    }

    @Override
    public boolean verify(Hash32 digest, EcdsaSignature signature, Address signer) {
        return verified.contains(new Triple(digest, signature, signer)) || inner.verify(digest, signature, signer);
    }

    /**
     * Verifies the signature of a vote (or of a proposal small enough to decode cheaply) ahead of the event thread.
     * Larger payloads (a proposal with its block) and other messages are left alone, as is a malformed payload: the
     * node rejects it as before. So are messages of a height already decided: the node drops them unchecked (late
     * precommits and prevotes of a finished height are about a fifth of all votes with 21 validators).
     */
    void preverify(Bytes payload) {
        if (payload.size() == 0 || payload.size() > 4096) {
            return; // a proposal carrying a large block is decoded once, on the event thread
        }
        ConsensusMessage m;
        try {
            m = codec.decode(payload);
        } catch (MalformedMessageException | RuntimeException e) {
            return;
        }
        if (m instanceof ConsensusMessage.VoteMsg v) {
            SignedVote sv = v.vote();
            if (sv.vote().height() < currentHeight.getAsLong()) {
                return;
            }
            remember(config.digests().vote(sv.vote()), sv.signature(), sv.vote().voter());
        } else if (m instanceof ConsensusMessage.ProposalMsg p) {
            SignedProposal sp = p.proposal();
            if (sp.height() < currentHeight.getAsLong()) {
                return;
            }
            remember(config.digests().proposal(sp.height(), sp.round(), sp.validRound(), sp.blockId()), sp.signature(),
                    sp.proposer());
        }
    }

    private void remember(Hash32 digest, EcdsaSignature signature, Address signer) {
        Triple t = new Triple(digest, signature, signer);
        if (verified.contains(t)) {
            return; // a relayed or retransmitted copy (gossip repeats votes every tick): recover once only
        }
        if (inner.verify(digest, signature, signer)) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.add(t);
        }
    }

    /** For tests: how many verified triples are remembered. */
    int remembered() {
        return verified.size();
    }
}
