package seqpool.p2p.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listen ports for multi-node tests on loopback. A port from {@code new ServerSocket(0)} lies in the kernel's
 * ephemeral range, where any outbound connection made before the node binds it (a peer dialling with backoff) can take
 * it as its local end: CI once lost a run that way. These ports come from below that range (Linux starts it at 32768),
 * and are checked to be free when handed out.
 */
public final class LoopbackPorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private LoopbackPorts() {
    }

    /** A port in [20000, 32000) that 127.0.0.1 could bind just now. */
    public static int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOW, HIGH);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port in [" + LOW + ", " + HIGH + ")");
    }
}
