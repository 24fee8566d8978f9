package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CommittedBlock;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.Vote;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;
import seqpool.consensus.wire.ConsensusMessage;

/**
 * Checks the properties on every step: agreement (honest nodes commit the same block at each height), validity
 * (committed blocks extend the previous one and hold only transactions the world's validity rule admits), no honest
 * double signing (also across crashes), and — at the end — progress after healing and the world's own checks.
 *
 * @param <A> the world's application type
 */
public final class SafetyMonitor<A extends ConsensusApplication> {
    private final Simulation<A> sim;
    private final Map<Long, Hash32> decided = new HashMap<>();
    private final Map<String, String> signedByHonest = new HashMap<>();
    final List<String> violations = new ArrayList<>();

    SafetyMonitor(Simulation<A> sim) {
        this.sim = sim;
    }

    void sent(SimNode<A> n, Bytes payload) {
        if (!n.honest()) {
            return;
        }
        ConsensusMessage m;
        try {
            m = sim.codec.decode(payload);
        } catch (MalformedMessageException e) {
            violations.add("honest " + n.name + " sent a malformed message: " + e.getMessage());
            return;
        }
        // key by the signer, not the sender: honest nodes relay other validators' votes
        if (m instanceof ProposalMsg p && honestKey(p.proposal().proposer())) {
            check(p.proposal().proposer().toString(), p.proposal().height() + "/" + p.proposal().round() + "/proposal",
                    p.proposal().blockId() + "/" + p.proposal().validRound());
        } else if (m instanceof VoteMsg v && honestKey(v.vote().vote().voter())) {
            Vote vote = v.vote().vote();
            check(vote.voter().toString(), vote.height() + "/" + vote.round() + "/" + vote.kind(), vote.blockId().toString());
        }
    }

    private boolean honestKey(seqpool.api.common.Address a) {
        return sim.byAddress.getOrDefault(a, List.of()).stream().allMatch(SimNode::honest);
    }

    private void check(String signer, String step, String value) {
        String prior = signedByHonest.putIfAbsent(signer + "/" + step, value);
        if (prior != null && !prior.equals(value)) {
            violations.add("t=" + sim.now + " honest " + signer + " signed two values for " + step + ": " + prior + " and " + value);
        }
    }

    void committed(SimNode<A> n, CommittedBlock cb) {
        if (!n.honest()) {
            return;
        }
        long h = cb.height();
        Hash32 prior = decided.putIfAbsent(h, cb.blockId());
        if (prior != null && !prior.equals(cb.blockId())) {
            violations.add("t=" + sim.now + " AGREEMENT violated at height " + h + ": " + n.name + " committed "
                    + cb.blockId() + ", another honest node " + prior);
        }
        Hash32 parent = h == 1 ? Hash32.ZERO : decided.get(h - 1);
        if (parent != null && !parent.equals(cb.block().previous())) {
            violations.add("VALIDITY: block " + h + " at " + n.name + " does not extend the decided block " + (h - 1));
        }
        for (Bytes tx : cb.block().txs()) {
            sim.world.invalidTx(n, tx).ifPresent(why -> violations.add("VALIDITY: block " + h + " at " + n.name
                    + " holds " + why));
        }
    }

    /** Every violation found, the liveness check after healing and the world's final checks included. */
    public List<String> verdict() {
        List<String> out = new ArrayList<>(violations);
        if (sim.cfg.byzantine() * 3 < sim.cfg.n() && sim.cfg.healAtMs() < sim.cfg.durationMs()) {
            long target = 0;
            for (SimNode<A> n : sim.nodes) {
                if (n.honest()) {
                    target = Math.max(target, sim.heightsAtHeal.getOrDefault(n.name, 0L));
                }
            }
            for (SimNode<A> n : sim.nodes) {
                if (n.honest() && n.committedHeight() <= target) {
                    out.add("LIVENESS: " + n.name + " is at height " + n.committedHeight() + ", no progress beyond "
                            + target + " after healing at t=" + sim.cfg.healAtMs());
                }
            }
        }
        out.addAll(sim.world.finalChecks(sim));
        return out;
    }

    /** A violation found by the world while the run goes on (it appears in the verdict). */
    public void violation(String message) {
        violations.add("t=" + sim.now + " " + message);
    }

    boolean agreementViolated() {
        return violations.stream().anyMatch(v -> v.contains("AGREEMENT"));
    }
}
