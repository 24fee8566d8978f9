package seqpool.node.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Bytes;
import seqpool.codec.crypto.Secp256k1;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.devnet.DevnetL1;

/**
 * Follows a running devnet: waits until every node is up and meshed, prints one status line per second from the first
 * node that answers (consensus height, epoch, producer, peers, L1 and L2 heads, pool key), and, once the genesis
 * committee agrees on its group key, registers it on L1 as the devnet's admin (the governance step a real pool's
 * timelock takes).
 */
final class DevnetWatch {
    private final CliContext ctx;
    private final String l1Url;
    private final Path root;
    private final List<DevnetNode> nodes;
    private final int staked;
    private final Map<String, String> names = new LinkedHashMap<>();
    private boolean keyRegistered;

    DevnetWatch(CliContext ctx, String l1Url, Path root, List<DevnetNode> nodes, int staked) {
        this.ctx = ctx;
        this.l1Url = l1Url;
        this.root = root;
        this.nodes = nodes;
        this.staked = staked;
        nodes.forEach(n -> names.put(n.address(), n.name()));
    }

    /**
     * Waits (60 s each) until every node's admin API answers as that node (its transport's {@code self} is the address
     * the devnet generated for it: not another devnet's node on the same port) and sees all the others.
     */
    static boolean awaitUp(CliContext ctx, List<DevnetNode> nodes, List<Process> procs) throws InterruptedException {
        for (int i = 0; i < nodes.size(); i++) {
            DevnetNode n = nodes.get(i);
            AdminClient client = new AdminClient(n.admin(), null);
            long deadline = System.currentTimeMillis() + 60_000;
            int peers = -1;
            while (System.currentTimeMillis() < deadline && procs.get(i).isAlive()) {
                try {
                    Map<?, ?> p = client.peers();
                    Object self = p.get("self");
                    if (self != null && !n.address().equalsIgnoreCase(String.valueOf(self))) {
                        ctx.err().println("devnet: " + n.admin() + " answers as " + self + ", not as " + n.name() + " ("
                                + n.address() + "): another node (another devnet?) holds that port");
                        return false;
                    }
                    peers = p.get("connected") instanceof Number c ? c.intValue() : 0;
                    if (Boolean.TRUE.equals(p.get("running")) && peers >= nodes.size() - 1) {
                        break;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
            if (!procs.get(i).isAlive()) {
                ctx.err().println("devnet: " + n.name() + " exited with code " + procs.get(i).exitValue()
                        + " (its lines above say why)");
                return false;
            }
            ctx.out().println("devnet: " + n.name() + " UP, peers " + Math.max(peers, 0) + "/" + (nodes.size() - 1)
                    + ", address " + n.address() + ", admin " + n.admin() + ", p2p 127.0.0.1:" + n.p2pPort()
                    + ", json-rpc " + n.rpcUrl());
            if (peers < nodes.size() - 1) {
                return false;
            }
        }
        return true;
    }

    void run(int runSeconds, CountDownLatch stopping) throws InterruptedException {
        long end = runSeconds > 0 ? System.currentTimeMillis() + runSeconds * 1000L : Long.MAX_VALUE;
        while (System.currentTimeMillis() < end && stopping.getCount() > 0) {
            tick();
            stopping.await(1, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        for (DevnetNode n : nodes.subList(0, staked)) {
            try {
                Map<?, ?> s = new AdminClient(n.admin(), null).status();
                ctx.out().println("devnet: " + line(n, s));
                maybeRegisterKey();
                return;
            } catch (IOException | InterruptedException e) {
                // that node is down: ask the next one
            }
        }
        ctx.out().println("devnet: no staked node answers");
    }

    private String line(DevnetNode n, Map<?, ?> s) {
        Map<?, ?> consensus = map(s.get("consensus"));
        Map<?, ?> pos = map(s.get("pos"));
        Map<?, ?> p2p = map(s.get("p2p"));
        Map<?, ?> l1 = map(s.get("l1"));
        Map<?, ?> l2 = map(s.get("l2"));
        Map<?, ?> assignment = map(pos.get("assignment"));
        Map<?, ?> key = map(pos.get("poolKey"));
        String producer = assignment.isEmpty() ? "-" : names.getOrDefault(String.valueOf(assignment.get("producer")),
                String.valueOf(assignment.get("producer")));
        return "[" + n.name() + "] height " + consensus.get("height") + ", epoch " + pos.get("epoch") + ", producer "
                + producer + ", peers " + p2p.get("connected") + "/" + (nodes.size() - 1) + ", L1 " + l1.get("head")
                + " (confirmed " + l1.get("confirmed") + "), L2 " + l2.get("head") + ", pool key "
                + (key.isEmpty() ? "-" : "gen " + key.get("generation") + (Boolean.TRUE.equals(key.get("onL1"))
                        ? " on L1" : " (not on L1 yet)"));
    }

    /** Registers the committee's key once more than 2/3 of the staked nodes report the same one. */
    private void maybeRegisterKey() {
        if (keyRegistered) {
            return;
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (DevnetNode n : nodes.subList(0, staked)) {
            try {
                Map<?, ?> key = map(map(new AdminClient(n.admin(), null).status().get("pos")).get("poolKey"));
                if (Boolean.TRUE.equals(key.get("onL1"))) {
                    keyRegistered = true;
                    return;
                }
                if (key.get("groupKey") != null) {
                    votes.merge(String.valueOf(key.get("groupKey")), 1, Integer::sum);
                }
            } catch (IOException | InterruptedException e) {
                // counted as no vote
            }
        }
        for (Map.Entry<String, Integer> v : votes.entrySet()) {
            if (3 * v.getValue() > 2 * staked) {
                register(v.getKey());
                return;
            }
        }
    }

    private void register(String groupKeyHex) {
        try (DevnetL1 l1 = new DevnetL1(l1Url)) {
            l1.useContracts(DeployedContracts.readFrom(root.resolve("contracts.yaml")));
            ECPoint p = Secp256k1.decodePoint(Bytes.fromHex(groupKeyHex));
            byte[] xy = Arrays.copyOfRange(p.getEncoded(false), 1, 65);
            long block = l1.registerPoolKey(xy);
            keyRegistered = true;
            ctx.out().println("devnet: pool key " + groupKeyHex + " registered on L1 PoolKeyRegistry in block " + block
                    + " (admin)");
        } catch (Exception e) {
            ctx.out().println("devnet: cannot register the pool key yet: " + e.getMessage());
        }
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }
}
