package seqpool.node.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqpool status [--node URL | --devnet DIR]}: the pool as a running node sees it — its health, consensus
 * height, epoch and producer, every member with stake, power and state, the pool key with its TSS generation and
 * committee, open tasks, and the node's L1 and L2 positions. With {@code --devnet DIR} (a devnet's directory, or its
 * {@code endpoints.json}): one line per node (health, height, epoch, producer, peers, L1, L2) and then the pool as the
 * first node that answers sees it. Exit code 1 when a node does not answer or is not healthy.
 */
@Command(name = "status", description = "Show the pool as a node (--node URL) or every devnet node (--devnet DIR) sees it.")
final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--node", defaultValue = "http://127.0.0.1:30401", description = "admin URL of the node "
            + "(default: ${DEFAULT-VALUE})")
    URI node;

    @Option(names = "--devnet", description = "A devnet's directory (or its endpoints.json): every node's line.")
    java.nio.file.Path devnet;

    StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (devnet != null) {
            return DevnetStatus.print(devnet, ctx.out(), ctx.err());
        }
        AdminClient client = new AdminClient(node, null, java.time.Duration.ofSeconds(10));
        Map<?, ?> health = client.health();
        ctx.out().println("health    " + health.get("status") + (list(health.get("down")).isEmpty() ? ""
                : ", down: " + String.join(", ", list(health.get("down")).stream().map(String::valueOf).toList())));
        print(client.status(), ctx.out());
        return "DOWN".equals(health.get("status")) ? 1 : 0;
    }

    static void print(Map<?, ?> s, PrintStream out) {
        Map<?, ?> p2p = map(s.get("p2p"));
        Map<?, ?> consensus = map(s.get("consensus"));
        Map<?, ?> pos = map(s.get("pos"));
        out.println("node      " + p2p.get("self") + ", peers " + p2p.get("connected"));
        if (consensus.isEmpty()) {
            out.println("consensus not running (no pool configured on this node)");
            return;
        }
        out.println("consensus height " + consensus.get("height") + ", " + list(consensus.get("validators")).size()
                + " validators");
        out.println("epoch     " + pos.get("epoch") + ", L2 head committed " + pos.get("l2Head") + ", L1 events up to "
                + "block " + pos.get("l1Block"));
        Map<?, ?> a = map(pos.get("assignment"));
        out.println("producer  " + (a.isEmpty() ? "-" : a.get("producer") + " for L2 blocks " + a.get("firstL2Block")
                + ".." + a.get("lastL2Block") + " (revision " + a.get("revision") + ")"));
        Map<?, ?> key = map(pos.get("poolKey"));
        out.println("pool key  " + (key.isEmpty() ? "- (keygen running)" : key.get("groupKey") + ", TSS generation "
                + key.get("generation") + ", threshold " + key.get("threshold") + " of "
                + list(key.get("committee")).size() + (Boolean.TRUE.equals(key.get("onL1")) ? ", on L1" : ", not on L1 yet")));
        out.println("members");
        for (Object o : list(pos.get("members"))) {
            Map<?, ?> m = map(o);
            out.printf("  #%-3s %s  stake %s  power %s  %s%s%n", m.get("seqId"), m.get("signer"), tokens(m.get("stake")),
                    m.get("power"), m.get("status"), Integer.parseInt(String.valueOf(m.get("faults"))) > 0
                            ? "  faults " + m.get("faults") : "");
        }
        out.println("tasks     " + list(pos.get("openTasks")));
        Map<?, ?> forced = map(pos.get("forced"));
        if (!forced.isEmpty()) {
            out.println("forced    " + forcedLine(forced));
        }
        Map<?, ?> l1 = map(s.get("l1"));
        if (!l1.isEmpty()) {
            out.println("L1        head " + l1.get("head") + ", confirmed " + l1.get("confirmed") + " ("
                    + l1.get("confirmations") + " confirmations)" + (String.valueOf(l1.get("error")).isEmpty() ? ""
                            : ", error: " + l1.get("error")));
        }
        Map<?, ?> l2 = map(s.get("l2"));
        if (!l2.isEmpty()) {
            out.println("L2        head " + l2.get("head"));
        }
    }

    /** The forced-inclusion queue in one line: off, or N, counts and the oldest message not included yet. */
    static String forcedLine(Map<?, ?> f) {
        if (f.containsKey("error")) {
            return "- (" + f.get("error") + ")";
        }
        if ("0".equals(String.valueOf(f.get("inclusionBlocks")))) {
            return "off";
        }
        String line = "N = " + f.get("inclusionBlocks") + " L2 blocks, " + f.get("length") + " message(s) committed, "
                + f.get("included") + " included";
        for (Object o : list(f.get("recent"))) {
            Map<?, ?> m = map(o);
            if (!Boolean.TRUE.equals(m.get("included"))) {
                return line + "; message " + m.get("index") + " due by L2 block " + m.get("dueL2Block");
            }
        }
        return line;
    }

    private static String tokens(Object wei) {
        try {
            return new java.math.BigDecimal(String.valueOf(wei)).movePointLeft(18).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return String.valueOf(wei);
        }
    }

    static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
