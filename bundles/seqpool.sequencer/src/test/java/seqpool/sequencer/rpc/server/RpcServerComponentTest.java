package seqpool.sequencer.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import seqpool.sequencer.rpc.testing.FakeEthBackend;

/** The Declarative Services component: its descriptor, and its configuration turned into settings. */
class RpcServerComponentTest {
    @Test
    void descriptorNeedsConfigurationAndABackend() throws IOException {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/"
                + "seqpool.sequencer.rpc.server.RpcServerComponent.xml"));
        assertTrue(xml.contains("configuration-policy=\"require\""), xml);
        assertTrue(xml.contains("configuration-pid=\"seqpool.rpc\""), xml);
        assertTrue(xml.contains("interface=\"seqpool.sequencer.rpc.EthBackend\""), xml);
        assertTrue(!xml.contains("<service"), "provides no service: " + xml);
    }

    @Test
    void configurationDefaultsAreTheSettingsDefaultsAndOverridesApply() throws Exception {
        RpcSettings defaults = RpcServerComponent.settings(config(Map.of()));
        assertEquals(RpcSettings.builder().build(), defaults);
        RpcSettings custom = RpcServerComponent.settings(config(Map.of("port", 0, "maxBatch", 7, "ratePerSecond",
                2.5, "wsEnabled", false)));
        assertEquals(7, custom.limits().maxBatch());
        assertEquals(2.5, custom.ratePerSecond());
        assertEquals(false, custom.wsEnabled());
        // and the component serves with them
        RpcServerComponent c = new RpcServerComponent(config(Map.of("port", 0)), new FakeEthBackend());
        c.deactivate();
    }

    /** The configuration annotation as DS builds it: a proxy answering from a map, else the declared default. */
    static RpcServerConfig config(Map<String, Object> values) {
        return (RpcServerConfig) Proxy.newProxyInstance(RpcServerConfig.class.getClassLoader(),
                new Class<?>[] {RpcServerConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }
}
