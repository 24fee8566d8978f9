package seqpool.specs.tlc;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result of one TLC run.
 *
 * @param exitCode       TLC's exit code
 * @param outcome        the classified outcome
 * @param violated       the violated invariant or property, or "" when none or unknown
 * @param distinctStates distinct states found (-1 if TLC did not say, as in simulation mode)
 * @param depth          depth of the state graph, or of the counterexample for a violation (-1 if unknown)
 * @param output         TLC's complete standard output and error
 */
public record TlcResult(int exitCode, TlcOutcome outcome, String violated, long distinctStates, int depth,
        String output) {
    private static final Pattern INVARIANT = Pattern.compile("Invariant (\\w+) is violated");
    private static final Pattern PROPERTY = Pattern.compile("Temporal properties were violated|Property (\\w+) is violated");
    private static final Pattern DISTINCT = Pattern.compile("([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)");
    private static final Pattern STATE = Pattern.compile("(?m)^State (\\d+): ");
    private static final Pattern GENERATED = Pattern.compile(
            "([\\d,]+) states generated|The number of states generated: ([\\d,]+)|Progress: ([\\d,]+) states checked");

    public TlcResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(violated, "violated");
        Objects.requireNonNull(output, "output");
    }

    /** Classifies a finished run from its exit code and output. */
    public static TlcResult of(int exitCode, String output) {
        TlcOutcome outcome = switch (exitCode) {
            case 0 -> TlcOutcome.PASSED;
            case 12 -> TlcOutcome.INVARIANT_VIOLATED;
            case 13 -> TlcOutcome.PROPERTY_VIOLATED;
            case 11 -> TlcOutcome.DEADLOCK;
            default -> TlcOutcome.ERROR;
        };
        String violated = "";
        Matcher inv = INVARIANT.matcher(output);
        if (outcome == TlcOutcome.INVARIANT_VIOLATED && inv.find()) {
            violated = inv.group(1);
        }
        Matcher prop = PROPERTY.matcher(output);
        if (outcome == TlcOutcome.PROPERTY_VIOLATED && prop.find() && prop.group(1) != null) {
            violated = prop.group(1);
        }
        long distinct = -1;
        Matcher d = DISTINCT.matcher(output);
        while (d.find()) {
            distinct = Long.parseLong(d.group(1).replace(",", ""));
        }
        int depth = -1;
        Matcher dp = DEPTH.matcher(output);
        if (dp.find()) {
            depth = Integer.parseInt(dp.group(1));
        } else {
            Matcher st = STATE.matcher(output);
            while (st.find()) {
                depth = Math.max(depth, Integer.parseInt(st.group(1)));
            }
        }
        return new TlcResult(exitCode, outcome, violated, distinct, depth, output);
    }

    /** The states TLC generated (exhaustive or simulation; -1 if it did not say). */
    public long statesGenerated() {
        long n = -1;
        Matcher g = GENERATED.matcher(output);
        while (g.find()) {
            String v = g.group(1) != null ? g.group(1) : g.group(2) != null ? g.group(2) : g.group(3);
            n = Math.max(n, Long.parseLong(v.replace(",", "")));
        }
        return n;
    }

    /** The last lines of the output, for failure messages. */
    public String tail(int lines) {
        String[] all = output.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            sb.append(all[i]).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TLC exit " + exitCode + " " + outcome + (violated.isEmpty() ? "" : " (" + violated + ")")
                + ", " + distinctStates + " distinct states, depth " + depth;
    }
}
