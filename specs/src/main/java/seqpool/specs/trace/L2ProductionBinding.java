package seqpool.specs.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * L2 production traces (seqpool.sequencer): one merged file of every node's production, acceptance and evidence events
 * and the pool's committed assignments, progress and rotations, in the order they were observed.
 *
 * <ul>
 * <li>The first event is {@code L2Params{rangeLen, forcedDue}} (positive integers: L2 numbers per epoch, and the first
 * block at which the one forced message of the model is due; a number beyond every block of the trace means none is
 * due). It gives the constants and is not stepped through.</li>
 * <li>{@code EpochAssigned{epoch, first, last, producer}} (epoch 1's is the spec's initial state),
 * {@code ProgressCommitted{number}}, {@code Rotated{from, to, number}} (number = the first number without committed
 * progress), {@code BlockProduced{number, producer, block, parent, cursor}} (node = the producer when honest),
 * {@code BlockAccepted{number, producer, block}} and {@code EquivocationFound{number, producer, block}} (node = the
 * follower, block = the conflicting block).</li>
 * <li>Block hashes become the spec's block ids {@code <<number, producer, v>>}: v counts the distinct hashes of one
 * producer at one number in order of appearance. A parent hash that names no block of the trace is genesis.</li>
 * <li>Faulty producers are declared to the binding (a file name {@code .byz-z.}); every other name is an honest
 * node. MaxBlock = the largest number or range end, rounded up to a whole range; MaxRot = the number of
 * {@code Rotated} events; MaxByz = the number of blocks the faulty producers produced.</li>
 * </ul>
 */
public final class L2ProductionBinding implements TraceBinding {
    static final String PARAMS = "L2Params";

    private final Set<String> faulty;

    /** @param faulty the producers the run made faulty (they may sign anything) */
    public L2ProductionBinding(Set<String> faulty) {
        this.faulty = new TreeSet<>(Objects.requireNonNull(faulty, "faulty"));
    }

    @Override
    public String spec() {
        return "L2Production";
    }

    @Override
    public List<String> events() {
        return List.of(PARAMS, "EpochAssigned", "ProgressCommitted", "Rotated", "BlockProduced", "BlockAccepted",
                "EquivocationFound");
    }

    @Override
    public List<TraceEvent> steps(List<TraceEvent> part) {
        return part.stream().filter(e -> !e.event().equals(PARAMS)).toList();
    }

    @Override
    public Map<String, String> definitions(List<TraceEvent> part) {
        TraceEvent params = part.get(0);
        if (!params.event().equals(PARAMS)) {
            throw new TraceFormatException(params.line(), "the first event must be " + PARAMS + ", got "
                    + params.event());
        }
        long rangeLen = params.integer("rangeLen");
        long due = params.integer("forcedDue");
        if (rangeLen < 1 || due < 1) {
            throw new TraceFormatException(params.line(), PARAMS + " needs a positive rangeLen and forcedDue");
        }
        Set<String> names = TraceFacts.names(part.subList(1, part.size()), List.of("producer", "from", "to"), true);
        names.addAll(faulty);
        Set<String> honest = new TreeSet<>(names);
        honest.removeAll(faulty);
        long top = TraceFacts.max(part, List.of("number", "last"), rangeLen);
        long maxBlock = (top + rangeLen - 1) / rangeLen * rangeLen;
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        long rotations = 0;
        long byz = 0;
        for (TraceEvent e : part) {
            switch (e.event()) {
                case "Rotated" -> rotations++;
                case "BlockProduced", "BlockAccepted", "EquivocationFound" -> {
                    String hash = e.string("block");
                    long n = e.integer("number");
                    String p = e.string("producer");
                    if (!ids.containsKey(hash)) {
                        int v = versions.merge(n + "/" + p, 1, Integer::sum);
                        StringBuilder id = new StringBuilder("<<").append(n).append(", ");
                        TraceToTla.string(id, p);
                        ids.put(hash, id.append(", ").append(v).append(">>").toString());
                    }
                    if (e.event().equals("BlockProduced") && faulty.contains(p)) {
                        byz++;
                    }
                }
                default -> {
                }
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("THonest", TraceToTla.stringSet(honest));
        d.put("TFaulty", TraceToTla.stringSet(faulty));
        d.put("TRangeLen", Long.toString(rangeLen));
        d.put("TMaxBlock", Long.toString(maxBlock));
        d.put("TMaxRot", Long.toString(rotations));
        d.put("TMaxByz", Long.toString(byz));
        d.put("TDue", Long.toString(due));
        // TraceData extends only Integers and Sequences (no :> or @@): a function over the hashes, by CASE.
        StringBuilder map = new StringBuilder();
        if (ids.isEmpty()) {
            map.append("<<>>");
        } else {
            map.append("[h \\in ").append(TraceToTla.stringSet(ids.keySet())).append(" |-> CASE ");
            String sep = "";
            for (Map.Entry<String, String> x : ids.entrySet()) {
                map.append(sep).append("h = ");
                TraceToTla.string(map, x.getKey());
                map.append(" -> ").append(x.getValue());
                sep = " [] ";
            }
            map.append(']');
        }
        d.put("TBlockId", map.toString());
        return d;
    }

    @Override
    public String constants() {
        return """
                  Honest <- THonest
                  Faulty <- TFaulty
                  RangeLen <- TRangeLen
                  MaxBlock <- TMaxBlock
                  MaxRot <- TMaxRot
                  MaxByz <- TMaxByz
                  Due <- TDue
                  Mutant = "none"
                """;
    }
}
