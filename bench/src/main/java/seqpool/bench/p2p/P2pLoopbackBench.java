package seqpool.bench.p2p;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.p2p.host.NettyP2pNetwork;
import seqpool.p2p.host.P2pConfig;
import seqpool.p2p.host.P2pNetworks;
import seqpool.p2p.peer.PeerEndpoint;

/**
 * Two transports in one JVM over loopback TLS 1.3: one-way message throughput (batches of {@value #BATCH}, waiting
 * until all arrived) and round-trip latency (send, the peer echoes, wait for the echo), for 256-byte and 64 KiB
 * payloads. Run: see docs/p2p.md.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class P2pLoopbackBench {
    static final int BATCH = 1000;

    @Param({"256", "65536"})
    public int payloadBytes;

    private NettyP2pNetwork sender;
    private NettyP2pNetwork receiver;
    private Address receiverAddress;
    private Bytes payload;
    private final AtomicLong received = new AtomicLong();
    private final Semaphore echoes = new Semaphore(0);
    private long target;

    @Setup(Level.Trial)
    public void start() {
        SecureRandom random = new SecureRandom();
        LocalNodeSigner a = LocalNodeSigner.generate(random);
        LocalNodeSigner b = LocalNodeSigner.generate(random);
        if (a.address().compareTo(b.address()) > 0) {
            LocalNodeSigner t = a;
            a = b;
            b = t;
        }
        int portA = freePort();
        int portB = freePort();
        sender = P2pNetworks.start(config(portA, b.address(), portB), a);
        receiver = P2pNetworks.start(config(portB, a.address(), portA), b);
        receiverAddress = b.address();
        receiver.subscribe(Channel.L2, m -> received.incrementAndGet());
        receiver.subscribe(Channel.CONSENSUS, m -> receiver.send(m.from(), Channel.CONSENSUS, m.payload()));
        sender.subscribe(Channel.CONSENSUS, m -> echoes.release());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sender.connectedPeers().contains(receiverAddress)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no session within 30 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
        byte[] p = new byte[payloadBytes];
        random.nextBytes(p);
        payload = Bytes.wrap(p);
    }

    @TearDown(Level.Trial)
    public void stop() {
        sender.close();
        receiver.close();
    }

    /** Messages per second, one way, {@value #BATCH} per invocation. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long throughput() {
        target += BATCH;
        for (int i = 0; i < BATCH; i++) {
            while (sender.send(receiverAddress, Channel.L2, payload) == SendResult.QUEUE_FULL) {
                LockSupport.parkNanos(20_000);
            }
        }
        while (received.get() < target) {
            LockSupport.parkNanos(20_000);
        }
        return received.get();
    }

    /** Round trip: send, the receiver echoes on its I/O thread, wait for the echo. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void roundTrip() throws InterruptedException {
        if (sender.send(receiverAddress, Channel.CONSENSUS, payload) != SendResult.QUEUED) {
            throw new IllegalStateException("send refused");
        }
        if (!echoes.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no echo within 10 s");
        }
    }

    private static P2pConfig config(int port, Address peer, int peerPort) {
        return P2pConfig.builder().listen("127.0.0.1", port).maxFrameBytes(1 << 20).sendQueue(8192, 64 << 20).ioThreads(1)
                .peer(new PeerEndpoint(peer, "127.0.0.1", peerPort)).build();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
