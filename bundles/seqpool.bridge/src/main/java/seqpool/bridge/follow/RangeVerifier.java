package seqpool.bridge.follow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import seqpool.api.bridge.L1Event;

/**
 * Decides whether a {@link RangeReading} may be recorded. The node answers each call from its canonical chain at that
 * moment, so the reading is accepted only when the answers fit one chain:
 * <ul>
 * <li>the range's last block has the same hash before and after the logs were read (a reorg of any block of the range
 * changes the last block's hash, so the logs came from that one chain);</li>
 * <li>the first block links to the recorded cursor block (see {@link ReorgRule});</li>
 * <li>every log is inside the range, of a followed contract, not flagged {@code removed}, and carries the hash of the
 * block the node has at that number, read after the logs;</li>
 * <li>two logs at one position are identical (a duplicate is dropped) — otherwise the answer is inconsistent.</li>
 * </ul>
 * Anything else defers the range (read it again later); nothing here halts except through {@link ReorgRule}.
 */
public final class RangeVerifier {
    private static final Comparator<RawLog> L1_ORDER =
            Comparator.comparingLong(RawLog::blockNumber).thenComparingInt(RawLog::logIndex);

    private RangeVerifier() {
    }

    public static RangeVerdict verify(RangeReading r, Set<?> contracts, EventKinds kinds) {
        BlockRange range = r.range();
        if (r.first().number() != range.from() || r.lastBefore().number() != range.to()
                || r.lastAfter().number() != range.to()) {
            return new RangeVerdict.Defer("L1 answered blocks " + r.first().number() + "/" + r.lastBefore().number()
                    + "/" + r.lastAfter().number() + " for range " + range);
        }
        if (!r.lastBefore().hash().equals(r.lastAfter().hash())) {
            return new RangeVerdict.Defer("L1 changed while range " + range + " was read: block " + range.to()
                    + " was " + r.lastBefore().hash() + ", then " + r.lastAfter().hash());
        }
        if (r.lastAfter().hash().isZero()) {
            return new RangeVerdict.Defer("L1 answered a zero hash for block " + range.to());
        }
        if (range.from() == range.to() && !r.first().hash().equals(r.lastAfter().hash())) {
            return new RangeVerdict.Defer("L1 answered two hashes for block " + range.from());
        }
        if (!ReorgRule.links(r.cursor(), r.first())) {
            return new RangeVerdict.Defer("block " + range.from() + " does not link to the recorded block "
                    + r.cursor());
        }
        for (Map.Entry<Long, BlockHeader> e : r.logBlocks().entrySet()) {
            BlockHeader h = e.getValue();
            boolean edgeMismatch = (h.number() == range.from() && !h.hash().equals(r.first().hash()))
                    || (h.number() == range.to() && !h.hash().equals(r.lastAfter().hash()));
            if (h.number() != e.getKey() || edgeMismatch) {
                return new RangeVerdict.Defer("L1 changed while range " + range + " was read (block "
                        + e.getKey() + ")");
            }
        }
        List<RawLog> logs = new ArrayList<>(r.logs());
        logs.sort(L1_ORDER);
        List<L1Event> events = new ArrayList<>();
        RawLog previous = null;
        for (RawLog log : logs) {
            String problem = problem(log, r, contracts);
            if (problem != null) {
                return new RangeVerdict.Defer(problem);
            }
            if (previous != null && previous.samePosition(log)) {
                if (!previous.equals(log)) {
                    return new RangeVerdict.Defer("L1 returned two different logs at block " + log.blockNumber()
                            + " log " + log.logIndex());
                }
                continue; // a duplicate answer: recorded once
            }
            previous = log;
            if (log.topics().isEmpty()) {
                continue; // anonymous event without indexed fields: not representable as an L1Event, skipped
            }
            events.add(new L1Event(log.blockNumber(), log.blockHash(), log.txHash(), log.logIndex(), log.contract(),
                    kinds.kindOf(log.contract(), log.topics().get(0)), log.topics(), log.data()));
        }
        return new RangeVerdict.Accept(events, new Cursor(range.to(), r.lastAfter().hash()));
    }

    /** What is wrong with one log, or null. */
    private static String problem(RawLog log, RangeReading r, Set<?> contracts) {
        String at = "log at block " + log.blockNumber() + " index " + log.logIndex();
        if (!r.range().contains(log.blockNumber())) {
            return "L1 returned a " + at + ", outside range " + r.range();
        }
        if (!contracts.contains(log.contract())) {
            return "L1 returned a " + at + " of " + log.contract() + ", which is not followed";
        }
        if (log.removed()) {
            return "L1 flags the " + at + " as removed (reorganised away)";
        }
        if (log.topics().size() > 4) {
            return "L1 returned a " + at + " with " + log.topics().size() + " topics";
        }
        BlockHeader h = r.logBlocks().get(log.blockNumber());
        if (h == null) {
            return "no header was read for the " + at;
        }
        if (!h.hash().equals(log.blockHash())) {
            return "the " + at + " carries block hash " + log.blockHash() + " but L1 now has " + h.hash()
                    + " at that height";
        }
        return null;
    }
}
