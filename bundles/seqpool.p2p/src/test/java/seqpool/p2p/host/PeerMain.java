package seqpool.p2p.host;

import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.peer.PeerEndpoint;

/**
 * A one-peer node for the two-JVM test, run in its own JVM: echoes every consensus message back with "echo:"
 * prefixed, sends {@code count} messages of its own on l2 once connected, and exits when stdin closes.
 * Args: privateKeyHex listenPort peer(address@host:port) count
 */
public final class PeerMain {
    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalNodeSigner signer = LocalNodeSigner.fromPrivateKey(HexFormat.of().parseHex(args[0]));
        int port = Integer.parseInt(args[1]);
        PeerEndpoint peer = PeerEndpoint.parse(args[2]);
        int count = Integer.parseInt(args[3]);
        P2pConfig config = P2pConfig.builder().listen("127.0.0.1", port).peer(peer).backoff(50, 500).ioThreads(1).build();
        try (NettyP2pNetwork net = P2pNetworks.start(config, signer)) {
            net.subscribe(Channel.CONSENSUS, m -> net.send(m.from(), Channel.CONSENSUS, Bytes.utf8("echo:").concat(m.payload())));
            System.out.println("READY " + net.self());
            System.out.flush();
            while (!net.connectedPeers().contains(peer.address())) {
                Thread.sleep(10);
            }
            for (int i = 0; i < count; i++) {
                while (net.send(peer.address(), Channel.L2, Bytes.utf8("child-" + i)) == SendResult.QUEUE_FULL) {
                    Thread.sleep(1);
                }
            }
            System.out.println("SENT " + count);
            System.out.flush();
            CountDownLatch eof = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // wait for the parent to close our stdin
                    }
                } catch (java.io.IOException e) {
                    // parent gone
                }
                eof.countDown();
            });
            t.setDaemon(true);
            t.start();
            eof.await();
        }
    }
}
