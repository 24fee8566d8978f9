package seqpool.node.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * The dashboard: plain HTML, CSS and JavaScript from this bundle ({@code /dashboard/...}), no build step, no CDN. It
 * polls the admin API ({@code /status}, {@code /metrics}, {@code /peers}, {@code /modules}, {@code /health}). {@code /}
 * redirects to it; any other unknown path is a 404.
 */
final class DashboardFiles {
    private static final Map<String, String> FILES = Map.of("index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8", "dashboard.css", "text/css; charset=utf-8");

    private DashboardFiles() {
    }

    static void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/dashboard")) {
                ex.getResponseHeaders().set("Location", "/dashboard/");
                Replies.bytes(ex, 302, "text/plain", new byte[0]);
                return;
            }
            if (Replies.wrongMethod(ex, "GET")) {
                return;
            }
            String name = path.startsWith("/dashboard/") ? path.substring("/dashboard/".length()) : null;
            if ("".equals(name)) {
                name = "index.html";
            }
            String type = name == null ? null : FILES.get(name);
            if (type == null) {
                Replies.json(ex, 404, Map.of("error", "no such endpoint: " + ex.getRequestMethod() + " " + path));
                return;
            }
            try (InputStream in = DashboardFiles.class.getResourceAsStream("/dashboard/" + name)) {
                if (in == null) {
                    Replies.json(ex, 404, Map.of("error", "dashboard file missing from the bundle: " + name));
                    return;
                }
                Replies.bytes(ex, 200, type, in.readAllBytes());
            }
        }
    }
}
