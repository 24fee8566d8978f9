package seqpool.runtime.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium for the dashboard test: found on the PATH, else installed with {@code apt-get install -y
 * chromium} where that is possible (root with apt-get); where it cannot be had the test is skipped with a message
 * that says why and how to get it.
 */
final class Chromium {
    private final Path binary;
    private final Path profile;

    private Chromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    static Chromium get(Path work) throws Exception {
        Optional<Path> b = find();
        if (b.isEmpty()) {
            String why = install();
            b = find();
            Assumptions.assumeTrue(b.isPresent(), "SKIPPED: no chromium on this machine and it cannot be installed here ("
                    + why + "); install Debian's package: apt-get update && apt-get install -y chromium");
        }
        return new Chromium(b.get(), Files.createDirectories(work.resolve("chromium-profile")));
    }

    private static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Tries apt-get; returns what happened (for the skip message). */
    private static String install() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return "no apt-get";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not root";
        }
        System.out.println("DashboardIT: installing chromium with apt-get (Debian package)");
        String update = exec(List.of("apt-get", "update"), 600);
        String install = exec(List.of("apt-get", "install", "-y", "chromium"), 900);
        return "apt-get update: " + update + "; apt-get install: " + install;
    }

    private static String exec(List<String> cmd, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return "exit " + p.exitValue() + (p.exitValue() == 0 ? "" : ": " + text.substring(Math.max(0, text.length() - 300)));
    }

    private List<String> base(int budgetMs) {
        return new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + budgetMs));
    }

    /** The page's DOM after its scripts ran for {@code budgetMs} of (virtual) time. */
    String dumpDom(String url, int budgetMs) throws Exception {
        List<String> cmd = base(budgetMs);
        cmd.addAll(List.of("--dump-dom", url));
        return run(cmd);
    }

    void screenshot(String url, Path png, int width, int height, int budgetMs) throws Exception {
        List<String> cmd = base(budgetMs);
        cmd.addAll(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), url));
        run(cmd);
        if (!Files.isRegularFile(png) || Files.size(png) < 10_000) {
            throw new AssertionError("no screenshot at " + png);
        }
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium timed out: " + cmd);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
