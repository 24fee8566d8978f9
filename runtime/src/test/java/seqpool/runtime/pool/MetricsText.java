package seqpool.runtime.pool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code /metrics} scrape strictly (Prometheus text format 0.0.4): every sample line must parse and belong to
 * a family announced by a {@code # TYPE} line (counters' {@code _total}, histograms' {@code _bucket/_sum/_count}).
 */
final class MetricsText {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();

    static MetricsText parse(String text) {
        MetricsText m = new MetricsText();
        Set<String> families = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# UNIT ")) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ");
                m.types.put(p[0], p[1]);
                families.add(p[0]);
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) {
                throw new AssertionError("not exposition format: " + line);
            }
            String name = s.group(1);
            String family = name.replaceAll("_(total|bucket|sum|count|created)$", "");
            if (!families.contains(name) && !families.contains(family)) {
                throw new AssertionError("sample without a TYPE line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (s.group(2) != null) {
                Matcher l = LABEL.matcher(s.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            String v = s.group(3);
            m.samples.add(new Sample(name, labels, v.equals("+Inf") ? Double.POSITIVE_INFINITY
                    : v.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v)));
        }
        return m;
    }

    /** The first sample of that name (NaN if absent). */
    double value(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).findFirst()
                .orElse(Double.NaN);
    }

    /** The sample of that name whose labels include {@code labels} (NaN if absent). */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst().orElse(Double.NaN);
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
