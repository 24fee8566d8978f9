package seqpool.specs;

import java.nio.file.Path;

import seqpool.specs.tlc.TlcRunner;

/** Where the build keeps specs, traces and TLC's work files (set by surefire; defaults for the IDE). */
public final class SpecsPaths {
    private SpecsPaths() {
    }

    public static Path specDir() {
        return Path.of(System.getProperty("specs.dir", "tla"));
    }

    public static Path traceDir() {
        return Path.of(System.getProperty("specs.traces", "traces"));
    }

    /** The project's docs (docs/specs.md holds the table of models, docs/auditing.md the map of mutants). */
    public static Path docsDir() {
        return Path.of(System.getProperty("specs.docs", "../docs"));
    }

    public static Path workDir() {
        return Path.of(System.getProperty("specs.work", "target/tlc"));
    }

    /** The -Dspecs.model filter ("" = all). */
    public static String modelFilter() {
        return System.getProperty("specs.model", "");
    }

    /** docs/specs.md, whose model table the build checks against the measured state counts. */
    public static Path specsDoc() {
        return Path.of(System.getProperty("specs.doc", "../docs/specs.md"));
    }

    /** How many TLC runs of the model check go at once ({@code specs.parallel}, 2 unless set; each has one worker). */
    public static int parallelRuns() {
        return Math.max(1, Integer.getInteger("specs.parallel", 2));
    }

    /**
     * One TLC worker: the machine has 2 cores and trace checks need a single worker. Each run is stopped after
     * {@code specs.timeout} seconds (600 unless set; the large models need more).
     */
    public static TlcRunner runner() {
        return TlcRunner.fromClasspath(workDir(), 1, Long.getLong("specs.timeout", 600));
    }
}
