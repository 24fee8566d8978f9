package seqpool.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import seqpool.api.common.Address;
import seqpool.api.p2p.P2pNetwork;

/**
 * {@code /health} in a real framework, through the admin component's Declarative Services references: with the
 * transport's service registered the node is UP; when the transport goes away (its service unregistered, as when the
 * p2p bundle stops) {@code /health} answers 503 naming p2p, and 200 again once a transport is back.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AdminHealthTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin cm;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthFollowsTheTransportAsItStopsAndComesBack() throws Exception {
        Path dir = Files.createTempDirectory("admin-health");
        ServiceRegistration<P2pNetwork> p2p = context.registerService(P2pNetwork.class, transport(), null);
        Configuration config = cm.getConfiguration("seqpool.admin", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("host", "127.0.0.1");
        props.put("port", 0);
        props.put("tokenFile", dir.resolve("admin.token").toString());
        props.put("required", new String[] {"p2p"});
        config.update(props);
        try {
            Path urlFile = dir.resolve("admin.url");
            for (int i = 0; i < 200 && !Files.exists(urlFile); i++) {
                Thread.sleep(50);
            }
            URI health = URI.create(Files.readString(urlFile).trim()).resolve("/health");
            HttpResponse<String> up = await(health, r -> r.statusCode() == 200);
            assertTrue(up.body().contains("\"p2p\":{\"status\":\"UP\""), up.body());
            p2p.unregister();
            HttpResponse<String> down = await(health, r -> r.statusCode() == 503);
            assertTrue(down.body().contains("\"down\":[\"p2p\"]"), down.body());
            p2p = context.registerService(P2pNetwork.class, transport(), null);
            HttpResponse<String> back = await(health, r -> r.statusCode() == 200);
            assertTrue(back.body().contains("\"status\":\"UP\""), back.body());
        } finally {
            config.delete();
            try {
                p2p.unregister();
            } catch (IllegalStateException gone) {
                // unregistered above
            }
        }
    }

    private HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> done) throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 100; i++) {
            r = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (done.test(r)) {
                return r;
            }
            Thread.sleep(50);
        }
        assertEquals("expected state", r.statusCode() + " " + r.body());
        return r;
    }

    private static P2pNetwork transport() {
        Address self = Address.fromHex("0x00000000000000000000000000000000000000aa");
        return (P2pNetwork) Proxy.newProxyInstance(AdminHealthTest.class.getClassLoader(),
                new Class<?>[] {P2pNetwork.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "self" -> self;
                    case "connectedPeers" -> Set.of();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test transport";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
