package seqpool.specs.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import seqpool.specs.tlc.TlcOutcome;
import seqpool.specs.tlc.TlcResult;
import seqpool.specs.tlc.TlcRunner;

/**
 * Decides whether an implementation trace is a behaviour of a spec. For each part of the trace (see
 * {@link TraceBinding#segments}) it writes the part as module TraceData, copies the spec and its trace spec next to
 * it, and runs TLC on the trace spec with the invariant {@code NotWholeTrace}: TLC reports that invariant violated
 * (exit 12) exactly when some behaviour matches every event. Otherwise TLC exits 0 after exploring every partial
 * match, and the register written by {@code MatchedPrefix} tells how many events matched: the next one is the
 * culprit. Thread-safe if each call gets its own run name.
 */
public final class TraceValidator {
    private static final Pattern MATCHED = Pattern.compile("<<\"matched\", (\\d+)>>");

    private final TlcRunner runner;
    private final Path specDir;
    private final Path workDir;

    /**
     * @param runner  runs TLC (use one worker: the matched-prefix register is per worker)
     * @param specDir the directory holding the specs and {@code trace/<Spec>Trace.tla}
     * @param workDir where each run gets its own directory
     */
    public TraceValidator(TlcRunner runner, Path specDir, Path workDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.specDir = Objects.requireNonNull(specDir, "specDir");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Reads and validates an ndjson trace file. */
    public ValidationResult validate(TraceBinding binding, Path traceFile, String runName) {
        List<TraceEvent> events;
        try {
            events = TraceReader.read(traceFile);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read trace " + traceFile, ex);
        } catch (TraceFormatException ex) {
            return new ValidationResult.Failed(ex.getMessage());
        }
        return validate(binding, events, runName);
    }

    /** Validates parsed events. */
    public ValidationResult validate(TraceBinding binding, List<TraceEvent> events, String runName) {
        if (events.isEmpty()) {
            return new ValidationResult.Failed("empty trace");
        }
        for (TraceEvent e : events) {
            if (!binding.events().contains(e.event())) {
                return new ValidationResult.Failed("line " + e.line() + ": " + binding.spec()
                        + " has no action named " + e.event());
            }
        }
        StringBuilder details = new StringBuilder();
        List<List<TraceEvent>> parts;
        try {
            parts = binding.segments(events);
        } catch (TraceFormatException ex) {
            return new ValidationResult.Failed(ex.getMessage());
        }
        for (int i = 0; i < parts.size(); i++) {
            List<TraceEvent> part = parts.get(i);
            String name = parts.size() == 1 ? runName : runName + "-part" + (i + 1);
            ValidationResult r;
            try {
                r = checkPart(binding, part, name, details);
            } catch (TraceFormatException ex) {
                return new ValidationResult.Failed(ex.getMessage());
            }
            if (r != null) {
                return r;
            }
        }
        return new ValidationResult.Accepted(events.size(), details.toString());
    }

    private ValidationResult checkPart(TraceBinding binding, List<TraceEvent> part, String name,
            StringBuilder details) {
        List<TraceEvent> steps = binding.steps(part);
        if (steps.isEmpty()) {
            throw new TraceFormatException(part.get(0).line(), "no events to check in " + name);
        }
        Path dir = workDir.resolve("traces").resolve(name);
        try {
            Files.createDirectories(dir);
            for (String module : binding.modules()) {
                Path src = specDir.resolve(module + ".tla");
                if (!Files.exists(src)) {
                    src = specDir.resolve("trace").resolve(module + ".tla");
                }
                Files.copy(src, dir.resolve(module + ".tla"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve(TraceToTla.MODULE + ".tla"),
                    TraceToTla.module(steps, binding.definitions(part)), StandardCharsets.UTF_8);
            String cfg = "\\* expect: trace accepted\nCONSTANTS\n" + binding.constants()
                    + "\nINIT TraceInit\nNEXT TraceNext\nINVARIANT MatchedPrefix NotWholeTrace\n";
            Path cfgFile = dir.resolve(binding.spec() + "Trace.cfg");
            Files.writeString(cfgFile, cfg, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot prepare trace check " + name, ex);
        }
        TlcResult r = runner.check(dir, binding.spec() + "Trace", dir.resolve(binding.spec() + "Trace.cfg"), name);
        details.append(name).append(": ").append(r).append('\n');
        if (r.outcome() == TlcOutcome.INVARIANT_VIOLATED && r.violated().equals("NotWholeTrace")) {
            return null;
        }
        if (r.outcome() == TlcOutcome.PASSED) {
            int matched = 0;
            Matcher m = MATCHED.matcher(r.output());
            while (m.find()) {
                matched = Math.max(matched, Integer.parseInt(m.group(1)));
            }
            TraceEvent culprit = steps.get(Math.min(matched, steps.size() - 1));
            return new ValidationResult.Rejected(culprit.line(), culprit, matched);
        }
        return new ValidationResult.Failed("TLC could not check " + name + ": " + r + "\n" + r.tail(25));
    }
}
