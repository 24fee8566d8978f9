package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Two devnets on one machine: a second one on the first one's ports refuses in one line before it starts anything;
 * one on other ports runs beside it with its own nodes (each checked against its generated address); Ctrl-C
 * (SIGINT) stops it cleanly — the nodes' stop lines, {@code devnet: stopped}, exit 0 — and its temporary directory is
 * gone. The first devnet's node answers as itself throughout.
 */
class DevnetSideBySideIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void secondDevnetOnTakenPortsRefusesAndOneOnOtherPortsRunsBesideAndStopsOnCtrlC() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "side-by-side", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        int base = 20_000 + new java.util.Random().nextInt(11_000);
        Files.createDirectories(dir.resolve("a"));
        try (Devnet first = Devnet.start(dir.resolve("a"), "--nodes", "1", "--base-port", Integer.toString(base))) {
            first.awaitRunning(Duration.ofSeconds(180));
            String firstAddress = (String) first.node("n1").get("address");

            Path bDir = dir.resolve("b");
            Files.createDirectories(bDir);
            List<String> cmd = Devnet.java();
            cmd.addAll(List.of("-jar", Devnet.JAR.toString(), "devnet", "--nodes", "1", "--base-port",
                    Integer.toString(base), "--dir", bDir.resolve("net").toString(), "--anvil",
                    System.getProperty("seqpool.anvil.binary", "anvil")));
            Process b = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String bOut = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(b.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, b.exitValue(), bOut);
            assertEquals("devnet: port " + base + " (n1 p2p) is in use, by another devnet or program: stop it or "
                    + "choose another --base-port (p2p ports from it, admin ports from it + 100, JSON-RPC from it + 200)", bOut.strip());
            assertFalse(Files.exists(bDir.resolve("net")), "nothing started or written");
            assertEquals(firstAddress, self((String) first.node("n1").get("admin")));

            // A third one on other ports, in a temporary directory, beside the first; then Ctrl-C
            Path cLog = dir.resolve("c.out");
            List<String> c = Devnet.java();
            c.addAll(List.of("-jar", Devnet.JAR.toString(), "devnet", "--nodes", "1", "--base-port",
                    Integer.toString(base + 10), "--anvil", System.getProperty("seqpool.anvil.binary", "anvil")));
            Process third = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(cLog.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (!Files.readString(cLog).contains("Ctrl-C to stop")) {
                    assertTrue(third.isAlive() && System.nanoTime() < deadline, Files.readString(cLog));
                    Thread.sleep(200);
                }
                String out = Files.readString(cLog);
                assertTrue(out.contains("devnet: n1 UP, peers 0/0, address 0x"), out);
                Matcher data = Pattern.compile("; data in (\\S+seqpool-devnet-\\S+); Ctrl-C to stop").matcher(out);
                assertTrue(data.find(), out);
                Path temp = Path.of(data.group(1));
                assertTrue(Files.isDirectory(temp));
                assertEquals(firstAddress, self((String) first.node("n1").get("admin")), "the first devnet's n1");

                new ProcessBuilder("kill", "-INT", Long.toString(third.pid())).start().waitFor();
                assertTrue(third.waitFor(60, TimeUnit.SECONDS), "stops after Ctrl-C");
                String all = Files.readString(cLog);
                assertEquals(0, third.exitValue(), all);
                assertTrue(all.contains("devnet: stopping n1 (signal)"), all);
                assertTrue(Pattern.compile("\\[n1\\] .*\"msg\":\"node stopped\"").matcher(all).find(), all);
                assertTrue(all.strip().endsWith("devnet: stopped; removed " + temp), all);
                assertTrue(all.indexOf("\"msg\":\"node stopped\"") < all.indexOf("devnet: stopped"), all);
                assertFalse(Files.exists(temp), "temporary directory removed");
            } finally {
                third.destroyForcibly();
            }
            assertEquals(firstAddress, self((String) first.node("n1").get("admin")));
        }
    }

    private static String self(String admin) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/peers"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"self\":\"(0x[0-9a-f]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
