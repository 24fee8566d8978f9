package seqpool.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code seqpool status --devnet DIR}: one line per devnet node from {@code endpoints.json}, then the pool view. */
final class DevnetStatus {
    private static final String ROW = "%-4s %-12s %-16s %7s %6s %-9s %6s %14s %8s%n";

    private DevnetStatus() {
    }

    static int print(Path dirOrFile, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve("endpoints.json") : dirOrFile;
        if (!Files.isRegularFile(file)) {
            err.println("status: no " + file + " (a devnet writes it once its nodes are up)");
            return 2;
        }
        Map<?, ?> endpoints = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        List<?> nodes = StatusCommand.list(endpoints.get("nodes"));
        Map<String, String> names = new LinkedHashMap<>();
        nodes.forEach(o -> names.put(String.valueOf(StatusCommand.map(o).get("address")).toLowerCase(),
                String.valueOf(StatusCommand.map(o).get("name"))));
        out.println("devnet " + file.getParent() + ", L1 " + endpoints.get("l1"));
        out.printf(ROW, "node", "address", "health", "height", "epoch", "producer", "peers", "L1 head/conf", "L2 head");
        Map<?, ?> first = null;
        int bad = 0;
        for (Object o : nodes) {
            Map<?, ?> n = StatusCommand.map(o);
            String address = String.valueOf(n.get("address"));
            AdminClient client = new AdminClient(URI.create(String.valueOf(n.get("admin"))), null, Duration.ofSeconds(5));
            try {
                Map<?, ?> h = client.health();
                Map<?, ?> s = client.status();
                if (!address.equalsIgnoreCase(String.valueOf(StatusCommand.map(s.get("p2p")).get("self")))) {
                    out.printf(ROW, n.get("name"), shortHex(address), "NOT THIS NODE", "", "", "", "", "", "");
                    bad++;
                    continue;
                }
                first = first == null ? s : first;
                String health = String.valueOf(h.get("status"));
                List<?> down = StatusCommand.list(h.get("down"));
                if (!down.isEmpty()) {
                    health += " " + down;
                }
                bad += "DOWN".equals(h.get("status")) ? 1 : 0;
                Object[] cells = row(s, names, nodes.size() - 1);
                out.printf(ROW, n.get("name"), shortHex(address), health, cells[0], cells[1], cells[2], cells[3],
                        cells[4], cells[5]);
            } catch (IOException e) {
                out.printf(ROW, n.get("name"), shortHex(address), "NOT ANSWERING", "", "", "", "", "", "");
                bad++;
            }
        }
        if (first != null) {
            out.println();
            StatusCommand.print(first, out);
        }
        return bad == 0 ? 0 : 1;
    }

    private static Object[] row(Map<?, ?> s, Map<String, String> names, int others) {
        Map<?, ?> consensus = StatusCommand.map(s.get("consensus"));
        Map<?, ?> pos = StatusCommand.map(s.get("pos"));
        Map<?, ?> l1 = StatusCommand.map(s.get("l1"));
        Map<?, ?> l2 = StatusCommand.map(s.get("l2"));
        Map<?, ?> a = StatusCommand.map(pos.get("assignment"));
        String producer = a.isEmpty() ? "-" : names.getOrDefault(String.valueOf(a.get("producer")).toLowerCase(),
                shortHex(String.valueOf(a.get("producer"))));
        return new Object[] {dash(consensus.get("height")), dash(pos.get("epoch")), producer,
            StatusCommand.map(s.get("p2p")).get("connected") + "/" + others,
            l1.isEmpty() ? "-" : l1.get("head") + "/" + l1.get("confirmed"), dash(l2.get("head"))};
    }

    private static String dash(Object o) {
        return o == null ? "-" : String.valueOf(o);
    }

    private static String shortHex(String hex) {
        return hex.length() > 12 ? hex.substring(0, 8) + "…" + hex.substring(hex.length() - 3) : hex;
    }
}
