package seqpool.consensus.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.host.HostFixture;
import seqpool.p2p.testing.LoopbackPorts;

/**
 * Four validators in four JVMs on real parts (netty TLS transport on loopback, LMDB stores): they commit blocks; one
 * is killed (SIGKILL) and restarted on its store and catches up; one is replaced by a process with a key that is not
 * the configured one, which the others refuse, and the remaining three keep committing. Block ids agree everywhere.
 * Off by default (minutes of JVM start-up and TLS handshakes on a loaded machine): {@code -Dseqpool.consensus.itest=true}.
 */
class FourJvmConsensusIT {
    static final class Proc {
        final String name;
        final Process process;
        final Map<Long, String> commits = new ConcurrentSkipListMap<>();

        Proc(String name, Process process) {
            this.name = name;
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("COMMIT ")) {
                            String[] p = line.split(" ");
                            commits.put(Long.parseLong(p[1]), p[2]);
                        }
                    }
                } catch (IOException e) {
                    // process ended
                }
            }, "reader-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        long height() {
            return commits.isEmpty() ? 0 : ((ConcurrentSkipListMap<Long, String>) commits).lastKey();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        void stop() throws Exception {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        return LoopbackPorts.free();
    }

    static void await(String what, long ms, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private final List<LocalNodeSigner> keys = HostFixture.signers(4, 7);
    private final int[] ports = new int[4];
    private Path dir;

    Proc launch(int i, LocalNodeSigner key, String name) throws IOException {
        String peers = java.util.stream.IntStream.range(0, 4).filter(j -> j != i)
                .mapToObj(j -> keys.get(j).address() + "@127.0.0.1:" + ports[j]).collect(Collectors.joining(","));
        String genesis = keys.stream().map(k -> k.address() + ":1").collect(Collectors.joining(","));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        byte[] secret = key.exportPrivateKey();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ConsensusNodeMain.class.getName(), HexFormat.of().formatHex(secret), String.valueOf(ports[i]),
                dir.resolve(name).toString(), peers, genesis);
        Arrays.fill(secret, (byte) 0);
        pb.redirectError(dir.resolve(name + ".err").toFile());
        return new Proc(name, pb.start());
    }

    @Test
    void fourJvmsCommitCatchUpAndIgnoreABadKey() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("seqpool.consensus.itest"),
                "four JVMs take minutes on a shared 2-core machine: run with -Dseqpool.consensus.itest=true");
        dir = Files.createTempDirectory(Path.of("target"), "four-jvm-");
        for (int i = 0; i < 4; i++) {
            ports[i] = freePort();
        }
        List<Proc> procs = new ArrayList<>();
        Proc impostor = null;
        try {
            for (int i = 0; i < 4; i++) {
                procs.add(launch(i, keys.get(i), "n" + (i + 1)));
            }
            await("3 blocks on every node", 240_000, () -> procs.stream().allMatch(p -> p.height() >= 3));

            // kill n3 hard, the other three go on
            procs.get(2).kill();
            long h0 = procs.get(0).height();
            await("3 more blocks without n3", 120_000, () -> procs.get(0).height() >= h0 + 3);
            // restart n3 on its LMDB store: it resumes and catches up
            procs.set(2, launch(2, keys.get(2), "n3"));
            long target = procs.get(0).height();
            await("n3 caught up", 120_000, () -> procs.get(2).height() >= target);

            // replace n4 by a process with a key that is not n4's: the others refuse it, three keep committing
            procs.get(3).stop();
            impostor = launch(3, LocalNodeSigner.generate(new SecureRandom()), "impostor");
            long h1 = procs.get(0).height();
            await("3 more blocks with the impostor present", 120_000,
                    () -> procs.get(0).height() >= h1 + 3 && procs.get(2).height() >= h1 + 3);
            assertEquals(0, impostor.height(), "the impostor commits nothing: nobody talks to it");

            Map<Long, String> canonical = new ConcurrentHashMap<>();
            for (Proc p : procs) {
                for (var e : p.commits.entrySet()) {
                    String prior = canonical.putIfAbsent(e.getKey(), e.getValue());
                    assertTrue(prior == null || prior.equals(e.getValue()), "agreement at height " + e.getKey() + " (" + p.name + ")");
                }
            }
            assertTrue(canonical.size() >= 9);
        } finally {
            for (Proc p : procs) {
                p.stop();
            }
            if (impostor != null) {
                impostor.stop();
            }
        }
    }
}
