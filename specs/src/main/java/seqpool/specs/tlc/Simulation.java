package seqpool.specs.tlc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLC's random simulation mode for a model too large to check exhaustively: {@code traces} random behaviours of at
 * most {@code depth} steps each, drawn with a fixed {@code seed} (with one worker TLC then draws the same behaviours
 * on every run). Declared in a model's header as {@code \* simulate: traces=20000 depth=100 seed=7}.
 *
 * @param traces how many behaviours TLC generates (its {@code -simulate num=})
 * @param depth  the longest behaviour
 * @param seed   the random seed
 */
public record Simulation(long traces, int depth, long seed) {
    private static final Pattern HEADER = Pattern.compile(
            "\\\\\\*\\s*simulate:\\s*traces=(\\d+)\\s+depth=(\\d+)\\s+seed=(-?\\d+)");

    public Simulation {
        if (traces < 1 || depth < 1) {
            throw new IllegalArgumentException("traces and depth must be positive");
        }
    }

    /** The simulation a model's text declares, or null for an exhaustive model. */
    public static Simulation parse(String cfgText) {
        Matcher m = HEADER.matcher(cfgText);
        return m.find() ? new Simulation(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3))) : null;
    }

    /** TLC's command-line arguments for this simulation. */
    public List<String> tlcArguments() {
        return List.of("-simulate", "num=" + traces, "-depth", Integer.toString(depth), "-seed", Long.toString(seed));
    }
}
