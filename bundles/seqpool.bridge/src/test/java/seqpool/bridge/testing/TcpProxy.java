package seqpool.bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback TCP forwarder to a local port that can be taken {@link #down} (listener and every connection closed:
 * clients get "connection refused") and brought {@link #up} again on the same port. Its port is chosen below the
 * ephemeral range, so no outgoing connection takes it while it is down.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private ServerSocket server;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = null;
        for (int attempt = 0; s == null; attempt++) {
            try {
                s = bind(ThreadLocalRandom.current().nextInt(20_000, 30_000));
            } catch (IOException taken) {
                if (attempt > 50) {
                    throw taken;
                }
            }
        }
        this.port = s.getLocalPort();
        serve(s);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void down() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    public synchronized void up() throws IOException {
        serve(bind(port));
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private synchronized void serve(ServerSocket s) {
        server = s;
        threads.submit(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket target = new Socket("127.0.0.1", targetPort);
                    sockets.add(client);
                    sockets.add(target);
                    threads.submit(() -> pump(client, target));
                    threads.submit(() -> pump(target, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        down();
        threads.shutdownNow();
    }
}
