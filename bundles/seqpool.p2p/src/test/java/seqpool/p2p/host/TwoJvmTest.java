package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.peer.PeerEndpoint;

/** This JVM and a second one (ProcessBuilder, same class path, {@link PeerMain}) exchange messages both ways. */
class TwoJvmTest {
    private static final int COUNT = 500;

    @Test
    void twoProcessesExchangeMessagesBothWays() throws Exception {
        List<LocalNodeSigner> s = TestNode.signers(2);
        LocalNodeSigner childSigner = s.get(0); // the child has the lower address: it dials
        int childPort = TestNode.freePort();
        try (TestNode parent = new TestNode(s.get(1), TestNode.freePort())) {
            parent.start(TestNode.config(parent.port).peer(new PeerEndpoint(childSigner.address(), "127.0.0.1", childPort)).build());
            byte[] key = childSigner.exportPrivateKey();
            String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                    PeerMain.class.getName(), HexFormat.of().formatHex(key), String.valueOf(childPort),
                    parent.endpoint().toString(), String.valueOf(COUNT));
            java.util.Arrays.fill(key, (byte) 0);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process child = pb.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String ready = out.readLine();
                assertEquals("READY " + childSigner.address(), ready);
                TestNode.await("session with the child JVM", Duration.ofSeconds(30),
                        () -> parent.net.connectedPeers().contains(childSigner.address()));

                for (int i = 0; i < COUNT; i++) {
                    assertEquals(SendResult.QUEUED, parent.net.send(childSigner.address(), Channel.CONSENSUS, Bytes.utf8("parent-" + i)));
                }
                TestNode.await("echoes and child messages", Duration.ofSeconds(60),
                        () -> parent.from(childSigner.address(), Channel.CONSENSUS).size() == COUNT
                                && parent.from(childSigner.address(), Channel.L2).size() == COUNT);
                List<String> echoes = new ArrayList<>();
                List<String> own = new ArrayList<>();
                parent.from(childSigner.address(), Channel.CONSENSUS).forEach(m -> echoes.add(new String(m.payload().toArray(), StandardCharsets.UTF_8)));
                parent.from(childSigner.address(), Channel.L2).forEach(m -> own.add(new String(m.payload().toArray(), StandardCharsets.UTF_8)));
                for (int i = 0; i < COUNT; i++) {
                    assertEquals("echo:parent-" + i, echoes.get(i));
                    assertEquals("child-" + i, own.get(i));
                }
            } finally {
                child.getOutputStream().close();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            assertTrue(!child.isAlive());
        }
    }
}
