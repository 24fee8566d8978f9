package seqpool.sequencer.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;

/**
 * Who may produce which L2 block, as L1 {@code SequencerSet} committed it: its segments rebuilt from the epoch events
 * in L1 order, the way the contract builds them (commit appends a segment; recommit hands the rest of the current
 * epoch to the new producer, replacing the last segment when it starts there). Events that the contract would have
 * refused are reported, not applied. Not thread-safe while built.
 */
public final class ProducerSchedule {
    /** L2 blocks {@code first..last} of epoch {@code epochId} by {@code producer}. */
    public record Segment(long epochId, long firstL2Block, long lastL2Block, Address producer) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public static ProducerSchedule of(List<EpochEvent> events) {
        ProducerSchedule s = new ProducerSchedule();
        events.forEach(s::apply);
        return s;
    }

    void apply(EpochEvent e) {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (e instanceof EpochEvent.Committed c) {
            if (last != null && (c.epochId() != last.epochId() + 1 || c.firstL2Block() != last.lastL2Block() + 1)) {
                problems.add("epoch " + c.epochId() + " (" + c.firstL2Block() + ".." + c.lastL2Block()
                        + ") does not follow epoch " + last.epochId() + " (last L2 block " + last.lastL2Block()
                        + ")");
                return;
            }
            segments.add(new Segment(c.epochId(), c.firstL2Block(), c.lastL2Block(), c.producer()));
        } else if (e instanceof EpochEvent.Recommitted r) {
            if (last == null || r.epochId() != last.epochId() || r.fromL2Block() < last.firstL2Block()
                    || r.fromL2Block() > last.lastL2Block() || !r.oldProducer().equals(last.producer())) {
                problems.add("rotation " + r.rotation() + " of epoch " + r.epochId() + " from L2 block "
                        + r.fromL2Block() + " does not fit the committed epochs");
                return;
            }
            if (r.fromL2Block() == last.firstL2Block()) {
                segments.set(segments.size() - 1, new Segment(last.epochId(), last.firstL2Block(),
                        last.lastL2Block(), r.newProducer()));
            } else {
                segments.set(segments.size() - 1, new Segment(last.epochId(), last.firstL2Block(),
                        r.fromL2Block() - 1, last.producer()));
                segments.add(new Segment(r.epochId(), r.fromL2Block(), last.lastL2Block(), r.newProducer()));
            }
        }
    }

    /** The segment holding {@code l2Block}, if one was committed. */
    public Optional<Segment> at(long l2Block) {
        int lo = 0;
        int hi = segments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (l2Block < s.firstL2Block()) {
                hi = mid;
            } else if (l2Block > s.lastL2Block()) {
                lo = mid + 1;
            } else {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** Events that did not apply (the contract would have reverted them): a sign of reading the wrong contract. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The last L2 block with a committed producer (0 if none). */
    public long lastAssigned() {
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).lastL2Block();
    }
}
