package seqpool.consensus.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.identity.NodeSigner;
import seqpool.api.store.StoreException;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SignedProposal;
import seqpool.consensus.wire.SigningDigests;

/**
 * The double-sign guard: before a signature leaves the node, the signed message is staged in the store under
 * (height, round, step) and flushed before any action is released. A second request for the same (height, round,
 * step) — for instance after a crash and restart — gets the message signed the first time, never a new signature
 * over a different value. Not thread-safe.
 *
 * <p>Security: the key stays inside {@link NodeSigner}; this class only sees digests and signatures.
 */
final class Signing {
    static final int STEP_PROPOSAL = 0;

    private final NodeSigner signer;
    private final SigningDigests digests;
    private final ConsensusStore store;
    private final MessageCodec codec;
    private final Map<String, ConsensusMessage> cache = new HashMap<>();
    private int refusals;

    Signing(NodeSigner signer, SigningDigests digests, ConsensusStore store, MessageCodec codec) {
        this.signer = signer;
        this.digests = digests;
        this.store = store;
        this.codec = codec;
    }

    /** A signed result and whether it was signed just now (false: the earlier signature was returned). */
    record Result<T>(T message, boolean fresh) {
    }

    Result<SignedVote> vote(Vote v) throws StoreException {
        Optional<ConsensusMessage> prior = prior(v.height(), v.round(), v.kind().code());
        if (prior.isPresent()) {
            SignedVote old = ((VoteMsg) prior.get()).vote();
            if (!old.vote().equals(v)) {
                refusals++;
            }
            return new Result<>(old, false);
        }
        SignedVote sv = new SignedVote(v, signer.sign(digests.vote(v)));
        remember(v.height(), v.round(), v.kind().code(), new VoteMsg(sv));
        return new Result<>(sv, true);
    }

    Result<ProposalMsg> proposal(long height, int round, int validRound, Hash32 blockId, Block block) throws StoreException {
        Optional<ConsensusMessage> prior = prior(height, round, STEP_PROPOSAL);
        if (prior.isPresent()) {
            ProposalMsg old = (ProposalMsg) prior.get();
            if (!old.proposal().blockId().equals(blockId) || old.proposal().validRound() != validRound) {
                refusals++;
            }
            return new Result<>(old, false);
        }
        SignedProposal sp = new SignedProposal(height, round, validRound, blockId, signer.address(),
                signer.sign(digests.proposal(height, round, validRound, blockId)));
        ProposalMsg msg = new ProposalMsg(sp, block);
        remember(height, round, STEP_PROPOSAL, msg);
        return new Result<>(msg, true);
    }

    /** How many times a request to sign a conflicting value was refused (a restart that would have double-signed). */
    int refusals() {
        return refusals;
    }

    void clearCache() {
        cache.clear();
    }

    private Optional<ConsensusMessage> prior(long h, int round, int step) throws StoreException {
        String k = h + "/" + round + "/" + step;
        ConsensusMessage m = cache.get(k);
        if (m != null) {
            return Optional.of(m);
        }
        Optional<Bytes> stored = store.signedMessage(h, round, step);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            m = codec.decode(stored.get());
        } catch (MalformedMessageException e) {
            throw new StoreException("signed-message record " + k + " is corrupt: " + e.getMessage());
        }
        cache.put(k, m);
        return Optional.of(m);
    }

    private void remember(long h, int round, int step, ConsensusMessage m) {
        cache.put(h + "/" + round + "/" + step, m);
        store.putSigned(h, round, step, codec.encode(m));
    }
}
