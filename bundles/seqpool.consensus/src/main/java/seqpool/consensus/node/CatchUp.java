package seqpool.consensus.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.store.StoreException;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.ConsensusMessage.BlockRequest;
import seqpool.consensus.wire.ConsensusMessage.BlockResponse;
import seqpool.consensus.wire.ConsensusMessage.EvidenceMsg;
import seqpool.consensus.wire.ConsensusMessage.Status;

/**
 * Gossip and catch-up: periodic status and retransmission of this node's own messages of the current height (the
 * paper assumes eventual delivery; a lossy network needs retransmission), evidence gossip, and block sync — a node
 * that learns a peer is ahead asks it for the block of its own height and accepts it only with a commit certificate
 * signed by more than 2/3 of that height's voting power.
 */
final class CatchUp {
    private static final int RETRANSMIT_MESSAGES = 12;

    private final ConsensusNode n;
    private final Map<Address, Long> peerHeights = new HashMap<>();
    private long requestedHeight = -1;

    CatchUp(ConsensusNode n) {
        this.n = n;
    }

    void gossip() {
        n.broadcast(new Status(n.driver.height()));
        int from = Math.max(0, n.ownMessages.size() - RETRANSMIT_MESSAGES);
        for (ConsensusMessage m : n.ownMessages.subList(from, n.ownMessages.size())) {
            n.broadcast(m);
        }
        for (DuplicateVoteEvidence e : n.evidence.pending()) {
            n.broadcast(new EvidenceMsg(e));
        }
        relayVotes();
        requestedHeight = -1; // a lost request may be repeated
    }

    /**
     * Relays the votes this node holds for the rounds that matter now (current round, locked and valid rounds): the
     * paper assumes that a message received by one correct process reaches all of them.
     */
    private void relayVotes() {
        var st = n.driver.state();
        java.util.TreeSet<Integer> rounds = new java.util.TreeSet<>();
        rounds.add(Math.max(0, st.round()));
        if (st.validRound() >= 0) {
            rounds.add(st.validRound());
        }
        if (st.lockedRound() >= 0) {
            rounds.add(st.lockedRound());
        }
        for (int r : rounds) {
            for (var v : n.driver.votes().votesOf(r)) {
                if (!v.vote().voter().equals(n.self)) {
                    n.broadcast(new ConsensusMessage.VoteMsg(v));
                }
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
            bad = BlockValidity.check(n, cb.block());
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
