package seqpool.node.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Checks a devnet's ports before it starts anything: node I listens on p2p {@code base+I-1}, admin
 * {@code base+100+I-1} and JSON-RPC {@code base+200+I-1}. A port that cannot be bound now (another devnet, another program) is named in one line.
 */
final class DevnetPorts {
    private DevnetPorts() {
    }

    static Optional<String> firstInUse(int nodes, int basePort) {
        for (int i = 1; i <= nodes; i++) {
            for (int k = 0; k < 3; k++) {
                int port = basePort + 100 * k + i - 1;
                String what = "n" + i + (k == 0 ? " p2p" : k == 1 ? " admin" : " json-rpc");
                if (port < 1 || port > 65535) {
                    return Optional.of("port " + port + " (" + what + ") is out of range: choose another --base-port");
                }
                if (!free(port)) {
                    return Optional.of("port " + port + " (" + what + ") is in use, by another devnet or program: "
                            + "stop it or choose another --base-port (p2p ports from it, admin ports from it + 100, JSON-RPC from it + 200)");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // as the node's servers do: TIME_WAIT connections of a stopped devnet do not count
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
