package seqpool.specs.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model table of docs/specs.md, between {@code <!-- models:begin -->} and {@code <!-- models:end -->}: one row
 * per model, {@code | `name` | expect | distinct states | TLC wall time |}. The build compares the rows of the
 * models it ran with what TLC measured: the state count of an exhaustive run is exact (TLC with one worker explores
 * the same states every time); a liveness mutant's count depends on when TLC checked the property, so its row says
 * {@code ≈N} and any count within a factor of ten matches (TLC checks liveness on a timer, so a loaded machine finds
 * the counterexample after 3× more or fewer states); a simulation's row names its traces; wall times are
 * never compared. {@link #update} rewrites the rows of the models that ran.
 */
final class ModelTable {
    static final String BEGIN = "<!-- models:begin -->";
    static final String END = "<!-- models:end -->";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|\\s*$");
    private static final String HEADER = "| Model | expect | distinct states | TLC wall time |\n|---|---|---|---|\n";

    /** One run of a model. */
    record Measured(Model model, TlcResult result, double seconds) {
    }

    /** One row: the four cells, trimmed. */
    record Row(String name, String expect, String states, String time) {
        String render() {
            return "| `" + name + "` | " + expect + " | " + states + " | " + time + " |";
        }
    }

    private ModelTable() {
    }

    /** The name a model has in the table ({@code large/} for the large ones). */
    static String tableName(Model m) {
        return (m.large() ? "large/" : "") + m.name();
    }

    static String expect(Model m) {
        return m.mutant() ? "`" + m.violated() + "` violated" : "pass";
    }

    static String states(Model m, TlcResult r) {
        if (m.simulated()) {
            return String.format(Locale.ROOT, "simulation: %,d traces (depth %d, seed %d)", m.simulation().traces(),
                    m.simulation().depth(), m.simulation().seed());
        }
        String n = String.format(Locale.ROOT, "%,d", r.distinctStates());
        return m.expected() == TlcOutcome.PROPERTY_VIOLATED ? "≈" + n : n;
    }

    static Row row(Measured x) {
        long s = Math.max(1, Math.round(x.seconds()));
        String time = s < 90 ? s + " s" : s / 60 + " min " + s % 60 + " s";
        return new Row(tableName(x.model()), expect(x.model()), states(x.model(), x.result()), time);
    }

    /** The rows of the doc's model table, by name. */
    static Map<String, Row> read(Path doc) {
        Map<String, Row> rows = new TreeMap<>();
        boolean in = false;
        for (String line : lines(doc)) {
            if (line.contains(BEGIN)) {
                in = true;
            } else if (line.contains(END)) {
                in = false;
            } else if (in) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    rows.put(m.group(1), new Row(m.group(1), m.group(2).strip(), m.group(3).strip(), m.group(4).strip()));
                }
            }
        }
        return rows;
    }

    /** The wall seconds each row of the doc's table last measured (rows without a time are left out). */
    static Map<String, Double> seconds(Path doc) {
        Map<String, Double> out = new TreeMap<>();
        if (!Files.exists(doc)) {
            return out;
        }
        Pattern time = Pattern.compile("^(?:(\\d+) min )?(\\d+) s$");
        read(doc).forEach((name, row) -> {
            Matcher m = time.matcher(row.time());
            if (m.matches()) {
                out.put(name, (m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) * 60) + Double.parseDouble(m.group(2)));
            }
        });
        return out;
    }

    /** What is wrong with the doc's rows for these runs (empty: they match). */
    static List<String> mismatches(Map<String, Row> doc, Collection<Measured> runs) {
        List<String> out = new ArrayList<>();
        for (Measured x : runs) {
            Row want = row(x);
            Row have = doc.get(want.name());
            if (have == null) {
                out.add("no row for " + want.name() + "; add: " + want.render());
            } else if (!have.expect().equals(want.expect()) || !statesMatch(x, have.states(), want.states())) {
                out.add("row " + have.render() + " differs from the measured " + want.render());
            }
        }
        return out;
    }

    private static boolean statesMatch(Measured x, String have, String want) {
        if (x.model().simulated() || x.model().expected() != TlcOutcome.PROPERTY_VIOLATED) {
            return have.equals(want);
        }
        if (!have.startsWith("≈")) {
            return false;
        }
        long documented = Long.parseLong(have.substring(1).replace(",", "").strip());
        long measured = x.result().distinctStates();
        return measured * 10 >= documented && measured <= documented * 10;
    }

    /** The table with the rows of these runs replaced (other rows kept), sorted by name. */
    static String render(Map<String, Row> doc, Collection<Measured> runs) {
        Map<String, Row> rows = new TreeMap<>(doc);
        for (Measured x : runs) {
            rows.put(tableName(x.model()), row(x));
        }
        StringBuilder sb = new StringBuilder(HEADER);
        rows.values().stream().sorted((a, b) -> {
            boolean la = a.name().startsWith("large/");
            boolean lb = b.name().startsWith("large/");
            return la != lb ? Boolean.compare(la, lb) : a.name().compareTo(b.name());
        }).forEach(r -> sb.append(r.render()).append('\n'));
        return sb.toString();
    }

    /** Rewrites the doc's table with the rows of these runs. */
    static void update(Path doc, Collection<Measured> runs) {
        String text = String.join("\n", lines(doc)) + "\n";
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalStateException(doc + " has no " + BEGIN + " ... " + END + " section");
        }
        int start = text.indexOf('\n', b) + 1;
        String updated = text.substring(0, start) + render(read(doc), runs) + text.substring(e);
        try {
            Files.writeString(doc, updated, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> lines(Path doc) {
        try {
            return Files.readAllLines(doc, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
