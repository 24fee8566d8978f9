package seqpool.runtime.pool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Foundry's {@code cast} from the npm package the build installs ({@code @foundry-rs/cast}, pinned in contracts/). */
final class Cast {
    static final Path BINARY = Path.of(System.getProperty("seqpool.cast.binary",
            "../contracts/node_modules/@foundry-rs/cast-linux-amd64/bin/cast")).toAbsolutePath();

    private Cast() {
    }

    /** Runs {@code cast args...}; returns its standard output, stripped; fails with its output on a non-zero exit. */
    static String run(String... args) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("cast not installed at " + BINARY + " (npm ci under contracts/)");
        }
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("cast " + String.join(" ", args) + " failed:\n" + out);
        }
        return out.strip();
    }
}
