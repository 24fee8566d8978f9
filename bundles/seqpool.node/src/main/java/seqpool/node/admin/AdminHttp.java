package seqpool.node.admin;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The admin API's HTTP server: binds first (a port in use fails with one message naming it, before anything is
 * written), serves the routes with one thread per allowed connection under {@link HttpLimits}, and only then writes
 * the token (owner-only) and {@code admin.url} beside it. Closing removes {@code admin.url} if it is still this
 * server's.
 */
final class AdminHttp implements AutoCloseable {
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI url;
    private final Path urlFile;

    private AdminHttp(HttpServer server, ThreadPoolExecutor executor, URI url, Path urlFile) {
        this.server = server;
        this.executor = executor;
        this.url = url;
        this.urlFile = urlFile;
    }

    static AdminHttp start(String host, int port, int maxConnections, Path tokenFile, String token,
            Map<String, HttpHandler> routes) throws IOException {
        HttpLimits.apply(maxConnections);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (BindException e) {
            throw new BindException("admin API: cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        int threads = HttpLimits.maxConnections(maxConnections);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "seqpool-admin");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        routes.forEach(server::createContext);
        server.setExecutor(executor);
        server.start();
        URI url = URI.create("http://" + host + ":" + server.getAddress().getPort());
        Path urlFile = tokenFile.toAbsolutePath().resolveSibling("admin.url");
        try {
            // only now, with the port bound: the token and URL of the server that really answers
            TokenFiles.writeOwnerOnly(tokenFile, token);
            TokenFiles.writeAtomically(urlFile, url + "\n");
        } catch (IOException e) {
            server.stop(0);
            executor.shutdownNow();
            throw new IOException("admin API: cannot write " + tokenFile + ": " + e.getMessage(), e);
        }
        return new AdminHttp(server, executor, url, urlFile);
    }

    URI url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (Files.exists(urlFile) && Files.readString(urlFile).strip().equals(url.toString())) {
                Files.delete(urlFile);
            }
        } catch (IOException e) {
            // best effort: a stale admin.url only points at a closed port
        }
    }
}
