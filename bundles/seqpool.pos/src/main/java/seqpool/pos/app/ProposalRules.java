package seqpool.pos.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.L1Event;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.sequencer.L2Block;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.sequencer.L2Equivocation;
import seqpool.pos.state.L2EquivocationRule;
import seqpool.pos.state.PosParams;
import seqpool.pos.state.PosState;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.MalformedTxException;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;

/**
 * What goes into a PoS block and whether a proposed one is acceptable, against the committed state and this node's
 * own views (its bridge for L1, its L2 chain). The side-transaction rule: a block's L1 events must be exactly the next
 * events this node's bridge confirmed after the last committed one, in order; an event this node cannot find on its own
 * L1 view gets its nil prevote. Stateless; called on the consensus thread.
 */
final class ProposalRules {
    private final PosParams p;
    private final Bridge bridge;

    ProposalRules(PosParams p, Bridge bridge) {
        this.p = p;
        this.bridge = bridge;
    }

    /** At most this many L2 equivocation proofs per PoS block (each costs two signature checks per validator). */
    static final int MAX_EQUIVOCATIONS_PER_BLOCK = 4;

    /**
     * The proposer's own transactions: the next confirmed L1 events, then the newest L2 progress, then the L2
     * equivocations its sequencer recorded and the pool has not punished yet.
     */
    List<Bytes> injected(PosState s, Optional<L2Chain> l2) {
        List<Bytes> out = new ArrayList<>();
        for (L1Event e : bridge.eventsAfter(s.l1Block(), s.l1LogIndex(), p.maxEventsPerBlock())) {
            out.add(PosTxCodec.encode(new PosTx.L1EventTx(e)));
        }
        progress(s, l2).ifPresent(h -> out.add(PosTxCodec.encode(new PosTx.L2ProgressTx(h))));
        out.addAll(equivocations(s, l2));
        return out;
    }

    private List<Bytes> equivocations(PosState s, Optional<L2Chain> l2) {
        List<Bytes> out = new ArrayList<>();
        Set<String> offences = new HashSet<>();
        for (L2Equivocation e : l2.map(L2Chain::equivocations).orElse(List.of())) {
            PosTx.L2EquivocationTx q = new PosTx.L2EquivocationTx(L2Header.of(e.first()), L2Header.of(e.second()));
            if (out.size() < MAX_EQUIVOCATIONS_PER_BLOCK && L2EquivocationRule.refusal(p, s, q).isEmpty()
                    && offences.add(offence(q))) {
                out.add(PosTxCodec.encode(q));
            }
        }
        return out;
    }

    private static String offence(PosTx.L2EquivocationTx q) {
        return q.first().producer().toHex() + "@" + q.first().number();
    }

    private Optional<L2Header> progress(PosState s, Optional<L2Chain> l2) {
        if (l2.isEmpty() || s.epoch() < 1) {
            return Optional.empty();
        }
        L2Chain chain = l2.get();
        long top = Math.min(chain.headNumber(), s.epochLast());
        for (long n = top; n > s.l2Head() && n > top - 8; n--) {
            Optional<L2Block> b = chain.block(n);
            if (b.isPresent() && progressValid(s, L2Header.of(b.get()))) {
                return Optional.of(L2Header.of(b.get()));
            }
        }
        return Optional.empty();
    }

    boolean progressValid(PosState s, L2Header h) {
        if (s.epoch() < 1 || h.epoch() != s.epoch() || h.number() <= s.l2Head() || h.number() > s.epochLast()
                || s.forcedProgressViolation(h.number(), h.forcedCursor()).isPresent()) {
            return false;
        }
        var seg = s.segmentFor(h.number());
        return seg.isPresent() && seg.get().producer().equals(h.producer()) && h.signedByProducer(p.l2ChainId());
    }

    /** processProposal: every transaction well-formed, L1 events exactly the next ones of this node's bridge. */
    ProposalVerdict judge(PosState s, List<Bytes> txs) {
        List<L1Event> events = new ArrayList<>();
        int progress = 0;
        Set<Bytes> seen = new HashSet<>();
        Set<String> offences = new HashSet<>();
        for (Bytes raw : txs) {
            PosTx tx;
            try {
                tx = PosTxCodec.decode(raw);
            } catch (MalformedTxException e) {
                return ProposalVerdict.reject("malformed PoS transaction: " + e.getMessage());
            }
            if (!seen.add(raw)) {
                return ProposalVerdict.reject("repeated transaction");
            }
            if (tx instanceof PosTx.L1EventTx e) {
                events.add(e.event());
            } else if (tx instanceof PosTx.L2ProgressTx pr) {
                if (++progress > 1 || !progressValid(s, pr.header())) {
                    return ProposalVerdict.reject("L2 progress to block " + pr.header().number()
                            + " is not signed by its assigned producer or not the next progress");
                }
            } else if (tx instanceof PosTx.L2EquivocationTx q) {
                Optional<String> why = L2EquivocationRule.refusal(p, s, q);
                if (why.isPresent()) {
                    return ProposalVerdict.reject("L2 equivocation evidence refused: " + why.get());
                }
                if (!offences.add(offence(q)) || offences.size() > MAX_EQUIVOCATIONS_PER_BLOCK) {
                    return ProposalVerdict.reject("L2 equivocation of " + offence(q) + " proven twice, or more than "
                            + MAX_EQUIVOCATIONS_PER_BLOCK + " proofs in one block");
                }
            }
        }
        if (events.size() > p.maxEventsPerBlock()) {
            return ProposalVerdict.reject(events.size() + " L1 events, limit " + p.maxEventsPerBlock());
        }
        if (!events.isEmpty()) {
            List<L1Event> mine = bridge.eventsAfter(s.l1Block(), s.l1LogIndex(), events.size());
            for (int i = 0; i < events.size(); i++) {
                if (i >= mine.size()) {
                    L1Event e = events.get(i);
                    return ProposalVerdict.reject("L1 event " + e.kind() + " at block " + e.l1Block() + " log "
                            + e.logIndex() + " is not on this node's confirmed L1 view (confirmed up to "
                            + bridge.confirmedL1Block() + ")");
                }
                if (!mine.get(i).equals(events.get(i))) {
                    L1Event e = events.get(i);
                    return ProposalVerdict.reject("L1 event " + e.kind() + " at block " + e.l1Block() + " log "
                            + e.logIndex() + " differs from this node's L1 view (expected " + mine.get(i).kind()
                            + " at block " + mine.get(i).l1Block() + " log " + mine.get(i).logIndex() + ")");
                }
            }
        }
        return ProposalVerdict.ACCEPT;
    }
}
