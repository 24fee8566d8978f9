package seqpool.consensus.node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.VoteKind;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.store.StoreException;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.ConsensusMessage.BlockRequest;
import seqpool.consensus.wire.ConsensusMessage.BlockResponse;
import seqpool.consensus.wire.ConsensusMessage.EvidenceMsg;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.Status;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;

/**
 * Gossip and catch-up (the paper assumes that a message received by one correct process eventually reaches all):
 * <ul>
 * <li>every tick: status, pending evidence, and a relay of each vote this node holds for the rounds that matter now
 * (current, locked and valid). While heights progress, each vote goes to <em>one</em> validator picked at random
 * (other than its voter): conflicting votes of an equivocator still meet somewhere (evidence), for one message per
 * held vote per tick. A relay to every peer is cubic in the validator count (with 21 validators it cost more CPU than
 * consensus itself), so it is kept for when the node is stalled;</li>
 * <li>stalled means: the height has not moved for a whole tick, or the height needed more than one round. Then the node
 * also relays to every validator and retransmits its own recent votes, and its proposal of the current round to the
 * validators that have not prevoted for it (a lossy network needs this; a height that progresses does not);</li>
 * <li>block sync: a node that learns a peer is ahead asks it for the block of its own height and accepts it only
 * with a commit certificate signed by more than 2/3 of that height's voting power.</li>
 * </ul>
 * The random choices come from a generator seeded by the node's address, so a simulation replays exactly.
 */
final class CatchUp {
    private static final int RETRANSMIT_MESSAGES = 12;

    private final ConsensusNode n;
    private final Map<Address, Long> peerHeights = new HashMap<>();
    private final SplittableRandom random;
    private long requestedHeight = -1;
    private long heightAtLastTick = -1;

    CatchUp(ConsensusNode n) {
        this.n = n;
        this.random = new SplittableRandom(n.self.value().hashCode());
    }

    void gossip() {
        n.broadcast(new Status(n.driver.height()));
        boolean stalled = n.driver.height() == heightAtLastTick || n.driver.state().round() > 0;
        heightAtLastTick = n.driver.height();
        if (stalled) {
            retransmitOwn();
        }
        for (DuplicateVoteEvidence e : n.evidence.pending()) {
            n.broadcast(new EvidenceMsg(e));
        }
        relayVotes(stalled);
        requestedHeight = -1; // a lost request may be repeated
    }

    /**
     * Resends this node's recent messages. A proposal carries its block (up to megabytes), so only the one of the
     * current round is resent, and only to the validators whose prevote for it this node does not hold.
     */
    private void retransmitOwn() {
        int round = n.driver.state().round();
        int from = Math.max(0, n.ownMessages.size() - RETRANSMIT_MESSAGES);
        for (ConsensusMessage m : n.ownMessages.subList(from, n.ownMessages.size())) {
            if (!(m instanceof ProposalMsg p)) {
                n.broadcast(m); // votes of earlier rounds too: peers still in that round may need them to leave it
            } else if (p.proposal().round() == round) {
                resendProposal(p);
            }
        }
    }

    private void resendProposal(ProposalMsg p) {
        Set<Address> haveIt = new HashSet<>();
        for (SignedVote v : n.driver.votes().votesOf(p.proposal().round())) {
            if (v.vote().kind() == VoteKind.PREVOTE && v.vote().blockId().equals(p.proposal().blockId())) {
                haveIt.add(v.vote().voter());
            }
        }
        Bytes payload = null;
        for (Validator v : n.driver.schedule().validators().validators()) {
            if (!v.address().equals(n.self) && !haveIt.contains(v.address())) {
                payload = payload != null ? payload : n.codec.encode(p); // encoded once, for every recipient
                n.actions.add(new NodeAction.SendTo(v.address(), payload));
            }
        }
    }

    /** Relays the held votes of the rounds that matter: to every validator when stalled, else to one at random. */
    private void relayVotes(boolean toAll) {
        var st = n.driver.state();
        TreeSet<Integer> rounds = new TreeSet<>();
        rounds.add(Math.max(0, st.round()));
        if (st.validRound() >= 0) {
            rounds.add(st.validRound());
        }
        if (st.lockedRound() >= 0) {
            rounds.add(st.lockedRound());
        }
        List<Validator> validators = n.driver.schedule().validators().validators();
        if (validators.size() < 3) {
            return; // only the voter and this node: nobody to relay to
        }
        for (int r : rounds) {
            for (SignedVote v : n.driver.votes().votesOf(r)) {
                Address voter = v.vote().voter();
                if (voter.equals(n.self)) {
                    continue; // own votes go out directly (and are retransmitted when stalled)
                }
                if (toAll) {
                    n.broadcast(new VoteMsg(v));
                    continue;
                }
                Address to;
                do {
                    to = validators.get(random.nextInt(validators.size())).address();
                } while (to.equals(n.self) || to.equals(voter));
                n.send(to, new VoteMsg(v));
            }
        }
    }

    void noteAhead(Address peer, long height) {
        peerHeights.merge(peer, height, Math::max);
        request(peer);
    }

    void onStatus(Address peer, long height) {
        peerHeights.merge(peer, height, Math::max);
        if (height > n.driver.height()) {
            request(peer);
        }
    }

    private void request(Address peer) {
        if (requestedHeight != n.driver.height()) {
            requestedHeight = n.driver.height();
            n.send(peer, new BlockRequest(n.driver.height()));
        }
    }

    void onBlockRequest(Address peer, long height) throws StoreException {
        if (height >= 1 && height < n.driver.height()) {
            Optional<CommittedBlock> b = n.store.block(height);
            b.ifPresent(cb -> n.send(peer, new BlockResponse(cb)));
        }
    }

    void onBlockResponse(Address peer, CommittedBlock cb) throws StoreException {
        if (cb.height() != n.driver.height()) {
            return;
        }
        Optional<String> bad = n.checks.certificate(cb, n.currentValidators());
        if (bad.isEmpty()) {
            bad = BlockValidity.structure(n, cb.block());
        }
        if (bad.isPresent()) {
            n.actions.add(new NodeAction.Penalize(peer, "block sync from " + peer + ": " + bad.get()));
            return;
        }
        n.committer.commit(cb);
        if (peerHeights.getOrDefault(peer, 0L) > n.driver.height()) {
            request(peer);
        }
    }

    void onEvidence(Address peer, DuplicateVoteEvidence e) {
        ValidatorSet set = n.recentSets.get(e.height());
        if (set == null || n.evidence.isCommitted(e)) {
            return;
        }
        Optional<String> bad = n.checks.evidence(e, set);
        if (bad.isPresent()) {
            n.actions.add(new NodeAction.Penalize(peer, "evidence from " + peer + ": " + bad.get()));
            return;
        }
        n.evidence.add(e);
        if (e.height() == n.driver.height()) {
            // both votes are authentic messages of this height: count them (the paper's gossip delivers them)
            n.effects.addAll(n.driver.onVote(e.first()));
            n.effects.addAll(n.driver.onVote(e.second()));
        }
    }
}
