package seqpool.p2p.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import seqpool.api.common.Bytes;
import seqpool.p2p.hello.Hello;
import seqpool.p2p.hello.HelloCodec;
import seqpool.p2p.wire.Frame;
import seqpool.p2p.wire.FrameCodec;

/** Test fixture: a hand-driven client (plain TCP or JDK TLS 1.3) that breaks the protocol on purpose. */
final class RogueClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RogueClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    static RogueClient plain(int port) throws IOException {
        return new RogueClient(new Socket("127.0.0.1", port));
    }

    /** TLS 1.3 with the given key and certificate, trusting any server certificate. */
    static RogueClient tls(int port, PrivateKey key, X509Certificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        ks.setKeyEntry("k", key, pw, new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {new TrustAll()}, null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        s.setSoTimeout(5000);
        s.startHandshake();
        return new RogueClient(s);
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendHello() throws IOException {
        byte[] hello = HelloCodec.encode(Hello.fromProtocols(List.of("consensus/1", "mpc/1", "l2/1"))).toArray();
        write(new FrameCodec(1 << 20).encode(new Frame(0, Bytes.wrap(hello))));
    }

    void sendFrame(int channelId, byte[] payload) throws IOException {
        write(new FrameCodec(1 << 24).encode(new Frame(channelId, Bytes.wrap(payload))));
    }

    /** Reads until the server closes the connection; true if it did within the timeout. */
    boolean closedByPeer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[4096];
        try {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                try {
                    if (in.read(buf) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // still open
                }
            }
            return false;
        } catch (IOException e) {
            return true; // reset or TLS alert: closed by the peer
        }
    }

    /** True if nothing closes the connection for {@code d}. */
    boolean staysOpen(Duration d) {
        return !closedByPeer(d);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
