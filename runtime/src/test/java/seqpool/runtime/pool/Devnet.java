package seqpool.runtime.pool;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import seqpool.codec.json.JsonReader;

/**
 * A {@code seqpool devnet} started from the executable jar, as an operator starts it, with its output in a file; the
 * test reads {@code endpoints.json} and asks the nodes' admin APIs. Closing it stops the devnet (SIGTERM) and any
 * node the test restarted itself.
 */
final class Devnet implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("seqpool.jar", "target/seqpool.jar")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final Path dir;
    final Process process;
    final Path log;
    final List<Process> restarted = new ArrayList<>();
    Map<String, Object> endpoints;

    private Devnet(Path dir, Process process, Path log) {
        this.dir = dir;
        this.process = process;
        this.log = log;
    }

    static Devnet start(Path dir, String... args) throws IOException {
        List<String> cmd = java();
        cmd.addAll(List.of("-jar", JAR.toString(), "devnet", "--dir", dir.resolve("net").toString(), "--anvil",
                System.getProperty("seqpool.anvil.binary", "anvil")));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("devnet.out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Devnet(dir.resolve("net"), p, log);
    }

    static List<String> java() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED"));
    }

    /** Waits for endpoints.json (the devnet is up and meshed). */
    void awaitRunning(Duration timeout) throws Exception {
        Path f = dir.resolve("endpoints.json");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(f)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("devnet did not come up:\n" + tail(200));
            }
            Thread.sleep(200);
        }
        endpoints = JsonReader.parseObject(Files.readString(f));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> nodes() {
        return (List<Map<String, Object>>) endpoints.get("nodes");
    }

    Map<String, Object> node(String name) {
        return nodes().stream().filter(n -> name.equals(n.get("name"))).findFirst().orElseThrow();
    }

    String l1() {
        return (String) endpoints.get("l1");
    }

    Optional<Map<String, Object>> status(String name) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node(name).get("admin") + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JsonReader.parseObject(r.body())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Polls node {@code name}'s status until it satisfies {@code check}; fails with the last status and the log. */
    Map<String, Object> await(String name, String what, Duration timeout, Predicate<Map<String, Object>> check)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = Map.of();
        while (System.nanoTime() < deadline) {
            Optional<Map<String, Object>> s = status(name);
            if (s.isPresent()) {
                last = s.get();
                try {
                    if (check.test(last)) {
                        return last;
                    }
                } catch (RuntimeException notYet) {
                    // a field not there yet
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": " + what + " within " + timeout + "; last status " + last + "\n" + tail(120));
    }

    String adminToken(String name) throws IOException {
        return Files.readString(dir.resolve(name).resolve("admin.token")).strip();
    }

    /** Restarts a node the test killed, from its own config (the devnet does not restart nodes). */
    void restart(String name) throws IOException {
        List<String> cmd = java();
        cmd.addAll(List.of("-jar", JAR.toString(), "node", "--config", (String) node(name).get("config")));
        restarted.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + "-restart.out").toFile())).start());
    }

    /** Runs a seqpool command to completion; returns its output (fails on a non-zero exit). */
    String cli(String... args) throws Exception {
        List<String> cmd = java();
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("seqpool " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() throws Exception {
        for (Process p : restarted) {
            p.destroy();
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (Process p : restarted) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
