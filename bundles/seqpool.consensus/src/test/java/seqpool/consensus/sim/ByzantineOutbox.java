package seqpool.consensus.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.wire.ConsensusMessage.ProposalMsg;
import seqpool.consensus.wire.ConsensusMessage.VoteMsg;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SignedProposal;

/**
 * Fault injection on the sending side: honest nodes' messages pass unchanged (so do twins' and false-view nodes', whose
 * fault is elsewhere); a Byzantine node's are dropped (silent) or, for odd-indexed recipients, replaced by a
 * conflicting message it signs with its own key (equivocating proposer, with block content from the world; double
 * voter; a conflicting node, which votes for other real blocks of the height). The conflicting message for one
 * (height, round, kind) is always the same one. Real blocks are learned from every proposal anyone sends.
 */
final class ByzantineOutbox<A extends ConsensusApplication> {
    private final Simulation<A> sim;
    private final Map<String, Bytes> alternatives = new HashMap<>();
    /** Block ids proposed so far at each height, in the order seen (only when a CONFLICTING node exists). */
    private final Map<Long, java.util.LinkedHashSet<Hash32>> proposed = new HashMap<>();
    /** Votes a CONFLICTING node signed for a real block other than its engine's choice. */
    int conflictingVotes;
    /** Of those, precommits against a block it had precommitted in an earlier round of the height (lock broken). */
    int lockBreakingPrecommits;
    /** Non-nil blocks each CONFLICTING node precommitted (to anyone) per height, in earlier rounds. */
    private final Map<String, java.util.Set<Hash32>> precommitted = new HashMap<>();

    ByzantineOutbox(Simulation<A> sim) {
        this.sim = sim;
    }

    void send(SimNode<A> from, SimNode<A> to, Bytes payload) {
        if (sim.cfg.fault() == Fault.CONFLICTING) {
            learn(payload);
        }
        if (from.honest() || from.fault == Fault.TWINS || from.fault == Fault.FALSE_VIEW) {
            sim.transmit(from, to, payload);
            return;
        }
        if (from.fault == Fault.SILENT) {
            return;
        }
        Bytes out = payload;
        if (to.index % 2 == 1) {
            out = alternative(from, payload);
        }
        sim.transmit(from, to, out);
    }

    private Bytes alternative(SimNode<A> from, Bytes payload) {
        ConsensusMessage m;
        try {
            m = sim.codec.decode(payload);
        } catch (MalformedMessageException e) {
            return payload;
        }
        boolean equivocates = from.fault == Fault.EQUIVOCATING_PROPOSER || from.fault == Fault.CONFLICTING;
        if (equivocates && m instanceof ProposalMsg p) {
            SignedProposal sp = p.proposal();
            return alternatives.computeIfAbsent("p/" + from.index + "/" + sp.height() + "/" + sp.round(), k -> {
                List<Bytes> txs = sim.world.alternativeTxs(p.block().txs(), sp.height(), sp.round());
                Block b = new Block(p.block().height(), p.block().previous(), p.block().proposer(), txs, p.block().evidence());
                Hash32 id = MessageCodec.blockId(b);
                SignedProposal alt = new SignedProposal(sp.height(), sp.round(), sp.validRound(), id, sp.proposer(),
                        from.signer.sign(sim.nodeConfig.digests().proposal(sp.height(), sp.round(), sp.validRound(), id)));
                return sim.codec.encode(new ProposalMsg(alt, b));
            });
        }
        if (from.fault == Fault.DOUBLE_VOTER && m instanceof VoteMsg vm) {
            Vote v = vm.vote().vote();
            return alternatives.computeIfAbsent("v/" + from.index + "/" + v.height() + "/" + v.round() + "/" + v.kind(), k -> {
                Hash32 other = v.isNil() ? new Hash32(Bytes.wrap(seqpool.codec.crypto.Keccak.digest(k.getBytes()))) : Hash32.ZERO;
                Vote alt = new Vote(v.kind(), v.height(), v.round(), other, v.voter());
                return sim.codec.encode(new VoteMsg(new SignedVote(alt, from.signer.sign(sim.nodeConfig.digests().vote(alt)))));
            });
        }
        if (from.fault == Fault.CONFLICTING && m instanceof VoteMsg vm) {
            Vote v = vm.vote().vote();
            return alternatives.computeIfAbsent("c/" + from.index + "/" + v.height() + "/" + v.round() + "/" + v.kind(),
                    k -> {
                        Hash32 other = null;
                        for (Hash32 id : proposed.getOrDefault(v.height(), new java.util.LinkedHashSet<>())) {
                            if (!id.equals(v.blockId())) {
                                other = id; // the latest real block other than the engine's choice
                            }
                        }
                        if (other == null) {
                            return payload;
                        }
                        Vote alt = new Vote(v.kind(), v.height(), v.round(), other, v.voter());
                        conflictingVotes++;
                        if (v.kind() == seqpool.api.consensus.VoteKind.PRECOMMIT) {
                            java.util.Set<Hash32> earlier = precommitted.computeIfAbsent(from.index + "/" + v.height(),
                                    x -> new java.util.HashSet<>());
                            Hash32 chosen = other;
                            if (earlier.stream().anyMatch(b -> !b.equals(chosen))) {
                                lockBreakingPrecommits++; // a block precommitted in an earlier round is dropped
                            }
                            earlier.add(other);
                            if (!v.blockId().isZero()) {
                                earlier.add(v.blockId());
                            }
                        }
                        return sim.codec.encode(new VoteMsg(new SignedVote(alt,
                                from.signer.sign(sim.nodeConfig.digests().vote(alt)))));
                    });
        }
        return payload;
    }

    private void learn(Bytes payload) {
        try {
            if (sim.codec.decode(payload) instanceof ProposalMsg p) {
                proposed.computeIfAbsent(p.proposal().height(), h -> new java.util.LinkedHashSet<>())
                        .add(p.proposal().blockId());
                proposed.keySet().removeIf(h -> h < p.proposal().height() - 2);
            }
        } catch (MalformedMessageException e) {
            // not ours to judge here
        }
    }
}
