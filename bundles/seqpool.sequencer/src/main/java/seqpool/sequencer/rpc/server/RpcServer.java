package seqpool.sequencer.rpc.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.dispatch.RpcProcessor;

/**
 * The node's Ethereum JSON-RPC server: HTTP {@code POST /} and WebSocket (upgrade of {@code GET /}) on one port.
 * netty's I/O threads only read, frame and write; parsing, dispatch and backend calls run on a bounded worker pool
 * ({@code rpc-worker-*}); subscription notifications go out from one fan-out thread. Pipeline per connection:
 * connection gate, read deadline, HTTP codec, body aggregator, HTTP handler (replaced by the WebSocket handlers on
 * upgrade). Limits and their defaults: {@link RpcSettings}, docs/json-rpc.md.
 */
public final class RpcServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    /** netty's send buffer per connection: above the high mark, the connection stops reading and queues. */
    static final int SEND_BUFFER_HIGH = 1 << 20;
    static final int SEND_BUFFER_LOW = 256 << 10;

    private final RpcSettings settings;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ThreadPoolExecutor workers;
    private final HeadFanout fanout = new HeadFanout();
    private final ConnectionGate gate;
    private final Channel serverChannel;

    private RpcServer(EthBackend backend, RpcSettings settings) throws IOException {
        this.settings = settings;
        this.gate = new ConnectionGate(settings.maxConnections(), settings.maxConnectionsPerAddress());
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.workerQueue()),
                new DefaultThreadFactory("rpc-worker", true));
        ServerContext context = new ServerContext(settings, new RpcProcessor(backend, settings.limits()), workers,
                fanout, new SecureRandom(), System::nanoTime);
        this.acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("rpc-accept", true));
        this.ioGroup = new NioEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("rpc-io", true));
        try {
            fanout.start(backend);
            this.serverChannel = new ServerBootstrap().group(acceptGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(SEND_BUFFER_LOW, SEND_BUFFER_HIGH))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ReadDeadlineHandler deadline = new ReadDeadlineHandler(settings.idleTimeoutMs(),
                                    settings.requestReadTimeoutMs());
                            ch.pipeline()
                                    .addLast("gate", gate)
                                    .addLast("deadline", deadline)
                                    .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192))
                                    .addLast("aggregator", new BodyLimitAggregator(settings.maxHttpBodyBytes()))
                                    .addLast("rpc", new HttpRpcHandler(context, deadline));
                        }
                    })
                    .bind(settings.host(), settings.port()).sync().channel();
        } catch (Exception e) {
            shutdown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot serve JSON-RPC on " + settings.host() + ":" + settings.port() + ": " + e,
                    e);
        }
        LOG.log(System.Logger.Level.INFO, "JSON-RPC listening on " + serverChannel.localAddress() + " (HTTP"
                + (settings.wsEnabled() ? " and WebSocket" : "") + ")");
    }

    /** Binds and serves until {@link #close()}. */
    public static RpcServer start(EthBackend backend, RpcSettings settings) throws IOException {
        return new RpcServer(backend, settings);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public RpcSettings settings() {
        return settings;
    }

    /** Connections open now (including those being refused). */
    public int openConnections() {
        return gate.open();
    }

    /** Connections refused so far by the connection limits. */
    public int refusedConnections() {
        return gate.refused();
    }

    /** Open WebSocket connections with at least one subscription. */
    public int subscribedConnections() {
        return fanout.subscribedSessions();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdown();
        LOG.log(System.Logger.Level.INFO, "JSON-RPC on " + serverChannel.localAddress() + " stopped");
    }

    private void shutdown() {
        fanout.close();
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
    }
}
