package seqpool.consensus.node;

import java.util.ArrayList;
import seqpool.api.consensus.PrepareProposalRequest;

import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.store.StoreException;
import seqpool.consensus.driver.DriverEffect;
import seqpool.consensus.driver.ReceivedProposal;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.wire.ConsensusMessage.EvidenceMsg;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;
import seqpool.consensus.wire.MessageCodec;

/** Carries out one driver effect for the node: sign (through the guard), broadcast, time, decide, gossip evidence. */
final class EffectRunner {
    private EffectRunner() {
    }

    static void run(ConsensusNode n, DriverEffect e) throws StoreException {
        if (e instanceof DriverEffect.EnteredRound r) {
            if (r.height() == n.driver.height() && !n.replaying) {
                n.tracer.newRound(r.height(), r.round());
            }
        } else if (e instanceof DriverEffect.RequestValue rv) {
            requestValue(n, rv);
        } else if (e instanceof DriverEffect.SignProposal sp) {
            if (sp.height() != n.driver.height() || !n.isValidator()) {
                return;
            }
            Signing.Result<ProposalMsg> r = n.signing.proposal(sp.height(), sp.round(), sp.validRound(), sp.blockId(), sp.block());
            ProposalMsg m = r.message();
            if (r.fresh()) {
                n.tracer.propose(sp.height(), sp.round(), n.self, sp.blockId(), sp.validRound());
            }
            n.ownMessages.add(m);
            n.broadcast(m);
            boolean valid = n.judge(m.block(), sp.round(), m.proposal().blockId());
            n.effects.addAll(n.driver.onProposal(new ReceivedProposal(m.proposal(), m.block(), m.proposal().blockId(), valid)));
        } else if (e instanceof DriverEffect.SignVote sv) {
            if (sv.vote().height() != n.driver.height() || !n.isValidator()) {
                return; // a node outside the validator set follows the chain but never signs
            }
            Signing.Result<SignedVote> r = n.signing.vote(sv.vote());
            SignedVote v = r.message();
            if (r.fresh()) {
                n.tracer.vote(v.vote().kind() == VoteKind.PREVOTE, v.vote().height(), v.vote().round(), n.self, v.vote().blockId());
            }
            VoteMsg m = new VoteMsg(v);
            n.ownMessages.add(m);
            n.broadcast(m);
            n.effects.addAll(n.driver.onVote(v));
        } else if (e instanceof DriverEffect.ScheduleTimeout t) {
            if (t.height() == n.driver.height()) {
                n.actions.add(new NodeAction.SetTimer(new TimerKey.Timeout(t.step(), t.height(), t.round()), duration(n, t.step(), t.round())));
            }
        } else if (e instanceof DriverEffect.Decided d) {
            if (d.height() == n.driver.height()) {
                n.committer.commit(ConsensusNode.committed(d.block(), d.blockId(), d.round(), d.precommits()));
            }
        } else if (e instanceof DriverEffect.EvidenceFound f) {
            if (n.evidence.add(f.evidence())) {
                n.broadcast(new EvidenceMsg(f.evidence()));
            }
        } else {
            throw new IllegalStateException("unhandled driver effect " + e);
        }
    }

    private static void requestValue(ConsensusNode n, DriverEffect.RequestValue rv) throws StoreException {
        if (rv.height() != n.driver.height() || !n.isValidator()) {
            return;
        }
        if (n.replaying) {
            n.pendingValueRound = rv.round(); // the log may hold the value proposed before the crash
            return;
        }
        n.pendingValueRound = null;
        long pause = n.commitPauseLeft(rv.round());
        if (pause > 0) { // pace empty heights: propose round 0 no sooner than commitPause after the last commit
            n.actions.add(new NodeAction.SetTimer(new TimerKey.ProposeValue(rv.height(), rv.round()), pause));
            return;
        }
        buildValue(n, rv.height(), rv.round());
    }

    /** The proposer's block: the mempool's candidates as the application's prepareProposal arranges them. */
    static void buildValue(ConsensusNode n, long height, int round) throws StoreException {
        if (height != n.driver.height() || n.driver.state().round() != round) {
            return; // the round moved on during the commit pause
        }
        List<Bytes> candidates = n.mempool.take(n.config.maxBlockTxs(), n.config.maxBlockBytes());
        List<Bytes> txs = withinLimits(n, n.app.prepareProposal(new PrepareProposalRequest(height, n.self, candidates,
                n.config.maxBlockTxs(), n.config.maxBlockBytes())));
        Block b = new Block(height, n.lastBlockId, n.self, txs, n.evidence.take(n.config.limits().maxEvidence()));
        n.store.appendWal(height, WalEntry.value(round, b));
        n.effects.addAll(n.driver.onValue(round, b, MessageCodec.blockId(b)));
    }

    /** The application's list cut to the block limits, without duplicates (an application bug must not stall us). */
    private static List<Bytes> withinLimits(ConsensusNode n, List<Bytes> txs) {
        List<Bytes> out = new ArrayList<>();
        java.util.Set<Bytes> seen = new java.util.HashSet<>();
        long bytes = 0;
        for (Bytes tx : txs) {
            if (out.size() >= n.config.maxBlockTxs() || bytes + tx.size() + 4 > n.config.maxBlockBytes()) {
                break;
            }
            if (seen.add(tx)) {
                bytes += tx.size() + 4;
                out.add(tx);
            }
        }
        return out;
    }


    /** timeout{step}(round) = base + round × delta (paper: timeouts grow by a delta per round). */
    static long duration(ConsensusNode n, RoundStep step, int round) {
        NodeConfig c = n.config;
        return switch (step) {
            case PROPOSE -> c.proposeBaseMs() + round * c.proposeDeltaMs();
            case PREVOTE -> c.prevoteBaseMs() + round * c.prevoteDeltaMs();
            case PRECOMMIT -> c.precommitBaseMs() + round * c.precommitDeltaMs();
            default -> throw new IllegalArgumentException("no timeout for " + step);
        };
    }
}
