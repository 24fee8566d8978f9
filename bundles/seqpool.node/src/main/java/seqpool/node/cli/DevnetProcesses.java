package seqpool.node.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import seqpool.contracts.anvil.AnvilProcess;

/**
 * What a devnet runs — its nodes (each a JVM whose output goes to {@code nI/node.log} and is copied, prefixed with
 * {@code [nI]}) and anvil — and the
 * one way to stop them, used both at the end of a run and by the shutdown hook on Ctrl-C / SIGTERM: stop every node
 * gracefully (SIGTERM, 20 s each, then kill), print their last lines, stop anvil, remove the temporary directory
 * (unless kept), print {@code devnet: stopped}. On a signal the hook then ends the process with 0 after a clean stop
 * (1 if a node had to be killed) instead of the JVM's 130/143. Thread-safe.
 */
final class DevnetProcesses {
    private final CliContext ctx;
    private final Path root;
    private final boolean removeRoot;
    private final List<Process> nodes = new CopyOnWriteArrayList<>();
    private final List<String> names = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final Thread hook;
    private volatile AnvilProcess anvil;
    private boolean stopped;
    private boolean clean = true;

    DevnetProcesses(CliContext ctx, Path root, boolean removeRoot) {
        this.ctx = ctx;
        this.root = root;
        this.removeRoot = removeRoot;
        this.hook = new Thread(() -> {
            boolean ok = stop("signal");
            ctx.out().flush();
            Runtime.getRuntime().halt(ok ? 0 : 1);
        }, "seqpool-devnet-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void anvil(AnvilProcess a) {
        this.anvil = a;
    }

    List<Process> nodes() {
        return nodes;
    }

    /**
     * Starts a node's JVM with its output (stdout and stderr) in {@code log}, and copies that file's lines as they come
     * ({@code [nI] ...}) until the node has exited and its last line is out. (Not the process pipe: the JDK closes it
     * when the process exits, and the node's last lines — "node stopped" — were lost.)
     */
    synchronized Process start(String name, List<String> command, Path log) throws IOException {
        if (stopped) {
            throw new IOException("devnet is stopping");
        }
        Files.deleteIfExists(log);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        nodes.add(p);
        names.add(name);
        Thread t = new Thread(() -> tail(name, p, log), "devnet-" + name);
        t.setDaemon(true);
        t.start();
        pumps.add(t);
        return p;
    }

    private void tail(String name, Process p, Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (true) {
                boolean exited = !p.isAlive();
                int n = in.read(buf);
                if (n < 0) {
                    if (exited) {
                        break;
                    }
                    Thread.sleep(50);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        ctx.out().println("[" + name + "] " + line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
            if (line.size() > 0) {
                ctx.out().println("[" + name + "] " + line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            ctx.out().println("devnet: cannot follow " + log + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything once (later calls wait for the first and return its result). True if every node stopped. */
    synchronized boolean stop(String why) {
        if (stopped) {
            return clean;
        }
        stopped = true;
        if (!nodes.isEmpty()) {
            ctx.out().println("devnet: stopping " + String.join(", ", names) + " (" + why + ")");
        }
        nodes.forEach(Process::destroy);
        for (int i = 0; i < nodes.size(); i++) {
            Process p = nodes.get(i);
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    ctx.out().println("devnet: " + names.get(i) + " did not stop within 20 s: killed");
                    p.destroyForcibly();
                    clean = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clean = false;
            }
        }
        for (Thread t : pumps) {
            try {
                t.join(5_000); // the nodes' last lines ("node stopped") before ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        AnvilProcess a = anvil;
        if (a != null) {
            a.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook, or it runs already
        }
        String data = "";
        if (removeRoot) {
            try {
                deleteTree(root);
                data = "; removed " + root;
            } catch (IOException e) {
                data = "; could not remove " + root + ": " + e.getMessage();
            }
        } else {
            data = "; data kept in " + root;
        }
        ctx.out().println("devnet: stopped" + (clean ? "" : " (a node had to be killed)") + data);
        ctx.out().flush();
        return clean;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
