package seqpool.consensus.itest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.consensus.host.ConsensusHost;
import seqpool.consensus.host.HostFixture;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.p2p.host.NettyP2pNetwork;
import seqpool.p2p.host.P2pConfig;
import seqpool.p2p.host.P2pNetworks;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;

/**
 * One validator process for the multi-JVM test: netty p2p on loopback, LMDB store, the consensus host.
 * Args: privateKeyHex port dataDir peers(addr@host:port,...) genesis(addr:power,...). Prints "READY addr" and
 * "COMMIT height blockId" lines; exits when stdin closes.
 */
public final class ConsensusNodeMain {
    private ConsensusNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalNodeSigner signer = LocalNodeSigner.fromPrivateKey(HexFormat.of().parseHex(args[0]));
        int port = Integer.parseInt(args[1]);
        List<PeerEndpoint> peers = new ArrayList<>();
        for (String p : args[3].split(",")) {
            peers.add(PeerEndpoint.parse(p));
        }
        List<Validator> vs = new ArrayList<>();
        for (String g : args[4].split(",")) {
            String[] kv = g.split(":");
            vs.add(new Validator(Address.fromHex(kv[0]), Long.parseLong(kv[1])));
        }
        LmdbKeyValueStore store = LmdbKeyValueStore.open(LmdbStoreConfig.ofMegabytes(Path.of(args[2]), 256, 16));
        NettyP2pNetwork net = P2pNetworks.start(P2pConfig.builder().listen("127.0.0.1", port).peers(peers).build(), signer);
        HostFixture.RecordingApp app = new HostFixture.RecordingApp();
        ConsensusHost host = new ConsensusHost(HostFixture.config(400, 200, 100), signer, SignatureVerifier.secp256k1(),
                store, app, new ValidatorSet(vs), net, TraceSink.NONE, Map.of());
        Object lock = new Object();
        host.follow(1, b -> {
            synchronized (lock) {
                System.out.println("COMMIT " + b.height() + " " + b.blockId() + " " + b.block().txs().size());
                System.out.flush();
            }
        });
        host.start();
        synchronized (lock) {
            System.out.println("READY " + signer.address());
            System.out.flush();
        }
        Thread txs = new Thread(() -> {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                host.submit(Bytes.utf8("t-" + signer.address() + "-" + System.nanoTime() + "-" + i));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tx-client");
        txs.setDaemon(true);
        txs.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // wait for the parent to close stdin
        }
        host.close();
        net.close();
        store.close();
    }
}
