package seqpool.node.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.codec.json.JsonWriter;

/** {@code endpoints.json}: where a devnet's L1, contracts and nodes (pid, admin, p2p, address, config, trace) are. */
final class DevnetEndpoints {
    private DevnetEndpoints() {
    }

    static void write(Path file, String l1Url, Path root, List<DevnetNode> nodes, List<Process> procs) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("l1", l1Url);
        m.put("contracts", root.resolve("contracts.yaml").toString());
        List<Map<String, Object>> ns = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            DevnetNode n = nodes.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", n.name());
            e.put("pid", procs.get(i).pid());
            e.put("address", n.address());
            e.put("admin", n.admin().toString());
            e.put("p2p", "127.0.0.1:" + n.p2pPort());
            e.put("rpc", n.rpcUrl());
            e.put("config", n.config().toString());
            e.put("trace", n.dir().resolve("trace.ndjson").toString());
            ns.add(e);
        }
        m.put("nodes", ns);
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(tmp, JsonWriter.writeLenient(m) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
