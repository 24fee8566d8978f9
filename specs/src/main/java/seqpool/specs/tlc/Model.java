package seqpool.specs.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A committed TLC model: a {@code .cfg} file whose first line states what TLC must find, one of
 * {@code \* expect: pass}, {@code \* expect: invariant NAME} (a mutant that violates invariant NAME) or
 * {@code \* expect: property NAME} (a mutant that violates temporal property NAME). The root module is the file
 * name up to the first '_' ({@code MCResharing_EraseEarly.cfg} checks {@code MCResharing.tla}). Models too large for
 * the default build live in {@code large/} next to the specs and run only when named or with {@code specs.large}.
 * A second header line {@code \* simulate: traces=N depth=D seed=S} makes TLC check random behaviours instead of
 * every state ({@link Simulation}).
 *
 * @param name       the model name (file name without .cfg)
 * @param rootModule the module TLC checks
 * @param config     the .cfg file
 * @param expected   what TLC must report
 * @param violated   the invariant or property a mutant must violate ("" for pass)
 * @param simulation TLC's simulation mode, or null for an exhaustive check
 */
public record Model(String name, String rootModule, Path config, TlcOutcome expected, String violated,
        Simulation simulation) {
    private static final Pattern EXPECT = Pattern.compile("\\\\\\*\\s*expect:\\s*(pass|invariant|property)\\s*(\\w*)");

    public Model {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rootModule, "rootModule");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(violated, "violated");
        if (expected != TlcOutcome.PASSED && violated.isEmpty()) {
            throw new IllegalArgumentException(name + ": a mutant model must name what it violates");
        }
    }

    public Model(String name, String rootModule, Path config, TlcOutcome expected, String violated) {
        this(name, rootModule, config, expected, violated, null);
    }

    /** Whether TLC simulates this model instead of checking it exhaustively. */
    public boolean simulated() {
        return simulation != null;
    }

    /** Whether this model lives in the {@code large/} directory (run only on request). */
    public boolean large() {
        Path parent = config.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("large");
    }

    /** Whether this model is a mutant (expected to be refuted). */
    public boolean mutant() {
        return expected != TlcOutcome.PASSED;
    }

    /** Reads the expectation from the .cfg file's header. */
    public static Model load(Path cfg) {
        String file = cfg.getFileName().toString();
        if (!file.endsWith(".cfg")) {
            throw new IllegalArgumentException("not a .cfg file: " + cfg);
        }
        String name = file.substring(0, file.length() - 4);
        int us = name.indexOf('_');
        String root = us < 0 ? name : name.substring(0, us);
        String text;
        try {
            text = Files.readString(cfg, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Matcher m = EXPECT.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException(cfg + ": first line must be '\\* expect: pass|invariant X|property X'");
        }
        TlcOutcome expected = switch (m.group(1)) {
            case "pass" -> TlcOutcome.PASSED;
            case "invariant" -> TlcOutcome.INVARIANT_VIOLATED;
            default -> TlcOutcome.PROPERTY_VIOLATED;
        };
        return new Model(name, root, cfg, expected, m.group(2), Simulation.parse(text));
    }

    /**
     * Every model in a directory, sorted by name; {@code filter} (may be empty) selects by name or spec. The models
     * in {@code dir/large} are included if {@code large} is set or the filter names one of them exactly.
     */
    public static List<Model> all(Path dir, String filter, boolean large) {
        List<Model> out = new java.util.ArrayList<>(list(dir).stream().filter(m -> m.matches(filter)).toList());
        Path big = dir.resolve("large");
        if (Files.isDirectory(big)) {
            list(big).stream().filter(m -> large ? m.matches(filter) : m.name().equals(filter)).forEach(out::add);
        }
        return List.copyOf(out);
    }

    private static List<Model> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".cfg")).sorted().map(Model::load).toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** True if the filter is empty, equals this model's name, or names its spec (with or without "MC"). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.strip();
        return name.equals(f) || rootModule.equals(f) || rootModule.equals("MC" + f) || name.equals("MC" + f);
    }

    /** Checks TLC's result against the expectation; returns null if it matches, else the reason. */
    public String mismatch(TlcResult r) {
        if (r.outcome() != expected) {
            return name + ": expected " + expected + (violated.isEmpty() ? "" : " of " + violated) + " but got " + r;
        }
        if (expected == TlcOutcome.INVARIANT_VIOLATED && !violated.equals(r.violated())) {
            return name + ": expected invariant " + violated + " to be violated but TLC reported " + r.violated();
        }
        return null;
    }

    /** Runs this model; the modules are in {@code specDir}. */
    public TlcResult check(TlcRunner runner, Path specDir) {
        return runner.check(specDir, rootModule, config, name,
                simulated() ? simulation.tlcArguments() : List.of());
    }
}
