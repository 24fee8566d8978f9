package seqpool.itests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.osgi.util.tracker.ServiceTracker;

import seqpool.itests.swap.api.Greeter;

/**
 * The node's admin API, started through ConfigAdmin (PID seqpool.admin) as a running node does: health, module list,
 * and the hot-swap endpoint, which needs the token the node wrote and swaps through the ModuleSwapper.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class AdminApiSwapTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin cm;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void adminApiListsModulesAndHotSwapsWithToken() throws Exception {
        Path dir = Files.createTempDirectory("admin");
        Path tokenFile = dir.resolve("admin.token");
        Configuration config = cm.getConfiguration("seqpool.admin", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("enabled", true);
        props.put("host", "127.0.0.1");
        props.put("port", 0);
        props.put("tokenFile", tokenFile.toString());
        config.update(props);
        try {
            Path urlFile = dir.resolve("admin.url");
            for (int i = 0; i < 200 && !Files.exists(urlFile); i++) {
                Thread.sleep(50);
            }
            URI base = URI.create(Files.readString(urlFile).trim());
            HttpResponse<String> health = get(base.resolve("/health"));
            assertTrue(health.body().contains("\"status\":"), health.body());
            HttpResponse<String> modules = get(base.resolve("/modules"));
            assertEquals(200, modules.statusCode());
            assertTrue(modules.body().contains("\"name\":\"seqpool.node\""), modules.body());

            Path v1 = SwapBundles.write(dir, "1.0.0", SwapBundles.Kind.GOOD);
            Path v2 = SwapBundles.write(dir, "1.1.0", SwapBundles.Kind.GOOD);
            try (InputStream in = Files.newInputStream(v1)) {
                context.installBundle("test:admin-v1", in).start();
            }
            assertEquals("hello a from 1.0.0", greeter().greet("a"));
            URI update = base.resolve("/modules/update?name=" + SwapBundles.NAME + "&file="
                    + URLEncoder.encode(v2.toString(), StandardCharsets.UTF_8));
            HttpResponse<String> noToken = post(update, null);
            assertEquals(401, noToken.statusCode(), noToken.body());
            HttpResponse<String> badToken = post(update, "0".repeat(64));
            assertEquals(401, badToken.statusCode(), badToken.body());
            HttpResponse<String> ok = post(update, Files.readString(tokenFile).trim());
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("\"outcome\":\"SWAPPED\""), ok.body());
            assertEquals("hello a from 1.1.0", greeter().greet("a"));
            HttpResponse<String> bad = post(base.resolve("/modules/update?name=nope&file=/nonexistent.jar"),
                    Files.readString(tokenFile).trim());
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("REJECTED"), bad.body());
        } finally {
            config.delete();
            for (Bundle b : context.getBundles()) {
                if (SwapBundles.NAME.equals(b.getSymbolicName())) {
                    b.uninstall();
                }
            }
        }
    }

    private Greeter greeter() throws InterruptedException {
        ServiceTracker<Greeter, Greeter> t = new ServiceTracker<>(context, Greeter.class, null);
        t.open();
        try {
            Greeter g = t.waitForService(10_000);
            assertTrue(g != null, "a Greeter is registered");
            return g;
        } finally {
            t.close();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
