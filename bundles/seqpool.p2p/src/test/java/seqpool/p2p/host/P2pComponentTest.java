package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;

/** The DS component outside a framework: configuration mapping, and the dynamic authorizer replacing the default. */
class P2pComponentTest {

    /** An instance of the configuration annotation: the given values, else the declared defaults (as SCR does). */
    static P2pConfiguration configuration(Map<String, Object> values) {
        return (P2pConfiguration) Proxy.newProxyInstance(P2pConfiguration.class.getClassLoader(),
                new Class<?>[] {P2pConfiguration.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void mapsTheConfigurationWithItsDefaults() {
        String peer = "0x1000000000000000000000000000000000000001@10.0.0.7:7400";
        P2pConfig c = P2pComponent.toConfig(configuration(Map.of("peers", new String[] {peer, " "})));
        assertEquals("0.0.0.0", c.listenHost());
        assertEquals(7400, c.listenPort());
        assertEquals(4 * 1024 * 1024, c.maxFrameBytes());
        assertEquals(List.of("consensus/1", "mpc/1", "l2/1"), c.protocols());
        assertEquals(1, c.peers().size());
        assertEquals(peer, c.peers().get(0).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> P2pComponent.toConfig(configuration(Map.of("peers", new String[] {"nonsense"}))));
        assertTrue(e.getMessage().contains("'nonsense'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> P2pComponent.toConfig(configuration(Map.of("sendQueueBytes", 1024))));
        assertTrue(e.getMessage().contains("sendQueueBytes"), e.getMessage());
    }

    @Test
    void anAuthorizerServiceAdmitsUnconfiguredPeers() {
        List<LocalNodeSigner> s = TestNode.signers(2);
        int port = TestNode.freePort();
        P2pComponent component = new P2pComponent(configuration(Map.of("listenHost", "127.0.0.1", "listenPort", port, "banSeconds", 1L,
                "ioThreads", 1)), s.get(1));
        try (TestNode stranger = new TestNode(s.get(0), TestNode.freePort())) {
            // The stranger (lower address) dials the component, which has no peers configured.
            stranger.start(TestNode.config(stranger.port).peer(new seqpool.p2p.peer.PeerEndpoint(s.get(1).address(), "127.0.0.1", port)).build());
            TestNode.await("refused while only configured peers are admitted", Duration.ofSeconds(15),
                    () -> component.peer(s.get(0).address()).isPresent());
            assertTrue(component.connectedPeers().isEmpty());

            component.authorizer = signer -> signer.equals(s.get(0).address()); // as SCR binds a PeerAuthorizer
            TestNode.await("admitted", Duration.ofSeconds(20), () -> component.connectedPeers().contains(s.get(0).address()));
            assertEquals(SendResult.QUEUED, component.send(s.get(0).address(), Channel.CONSENSUS, Bytes.utf8("welcome")));
            TestNode.await("delivered", Duration.ofSeconds(10), () -> stranger.from(s.get(1).address(), Channel.CONSENSUS).size() == 1);
        } finally {
            component.deactivate();
        }
    }
}
