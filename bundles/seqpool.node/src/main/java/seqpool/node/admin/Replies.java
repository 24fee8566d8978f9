package seqpool.node.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import seqpool.codec.json.JsonWriter;

/** Writing replies and reading bounded request bodies. */
final class Replies {
    private Replies() {
    }

    static void json(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        bytes(ex, status, "application/json", (JsonWriter.writeLenient(body) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void bytes(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    /** True (and a 405 sent) unless the request uses {@code method}. */
    static boolean wrongMethod(HttpExchange ex, String method) throws IOException {
        if (method.equals(ex.getRequestMethod())) {
            return false;
        }
        json(ex, 405, Map.of("error", "use " + method));
        return true;
    }

    /** The request body, or null after a 413 reply when it is larger than {@link HttpLimits#BODY_BYTES}. */
    static byte[] body(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (declared != null && Long.parseLong(declared.trim()) > HttpLimits.BODY_BYTES) {
                tooLarge(ex);
                return null;
            }
        } catch (NumberFormatException e) {
            json(ex, 400, Map.of("error", "bad Content-Length"));
            return null;
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(HttpLimits.BODY_BYTES + 1);
            if (b.length > HttpLimits.BODY_BYTES) {
                tooLarge(ex);
                return null;
            }
            return b;
        }
    }

    private static void tooLarge(HttpExchange ex) throws IOException {
        json(ex, 413, Map.of("error", "request body larger than " + HttpLimits.BODY_BYTES + " bytes"));
    }
}
