package seqpool.node.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values a module's configuration takes from another section, so the operator writes each fact once: the L1 endpoint
 * and contracts file (from {@code staking}) for the bridge and the PoS application, the EIP-712 domain of consensus
 * votes (chain id and LockingPool from the contracts file), the node's passphrase file for the TSS vault, the L2 chain
 * id and first block (from {@code pos}) for the sequencer, and the node's name for trace events.
 */
final class DerivedProperties {
    private DerivedProperties() {
    }

    static void add(String section, Dictionary<String, Object> d, NodeConfig c) throws IOException {
        switch (section) {
            case "consensus" -> {
                Map<String, String> contracts = readContracts(c.path("staking.contractsFile"));
                d.put("chainId", Long.parseLong(contracts.getOrDefault("chainId", "0")));
                d.put("lockingPool", contracts.getOrDefault("lockingPool", ""));
            }
            case "bridge" -> {
                d.put("rpcUrl", c.string("staking.rpcUrl"));
                d.put("contractsFile", c.string("staking.contractsFile"));
            }
            case "pos" -> {
                d.put("rpcUrl", c.string("staking.rpcUrl"));
                d.put("contractsFile", c.string("staking.contractsFile"));
                d.put("traceName", c.string("node.name"));
            }
            case "tss" -> d.put("passphraseFile", c.string("node.passphraseFile"));
            case "admin" -> d.put("required", seqpool.node.health.NodeComponent.required(c.inFile("staking"),
                    c.inFile("pos")).stream().map(seqpool.node.health.NodeComponent::word).toArray(String[]::new));
            case "sequencer" -> {
                d.put("dataDir", c.string("node.dataDir"));
                d.put("chainId", c.longValue("pos.l2ChainId"));
                d.put("genesisL2Block", c.longValue("pos.firstL2Block"));
            }
            default -> {
            }
        }
    }

    /** The flat {@code key: "value"} lines of the addresses file written by {@code seqpool contracts deploy}. */
    static Map<String, String> readContracts(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            int colon = t.indexOf(':');
            if (t.isEmpty() || t.startsWith("#") || colon <= 0) {
                continue;
            }
            m.put(t.substring(0, colon).strip(), t.substring(colon + 1).strip().replace("\"", ""));
        }
        return m;
    }
}
