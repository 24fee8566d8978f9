package seqpool.node.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import seqpool.api.common.Address;
import seqpool.api.p2p.P2pNetwork;

/**
 * What the node's p2p transport reports, for the admin API: its own signer address and the addresses of the peers
 * connected now (sorted). The transport comes from a supplier (the admin component's optional dynamic reference), so a
 * transport that starts late, stops or is hot-swapped is seen as it is; when there is none the report says
 * {@code "running": false}. Thread-safe.
 */
final class PeerReport {
    private final Supplier<P2pNetwork> transport;

    PeerReport(Supplier<P2pNetwork> transport) {
        this.transport = transport;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        P2pNetwork p2p = transport.get();
        if (p2p == null) {
            m.put("running", false);
            m.put("connected", 0);
            m.put("peers", List.of());
            return m;
        }
        List<String> peers = p2p.connectedPeers().stream().map(Address::toHex).sorted().toList();
        m.put("running", true);
        m.put("self", p2p.self().toHex());
        m.put("connected", peers.size());
        m.put("peers", peers);
        return m;
    }
}
