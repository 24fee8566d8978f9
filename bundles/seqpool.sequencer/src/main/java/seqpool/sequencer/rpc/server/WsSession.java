package seqpool.sequencer.rpc.server;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import seqpool.sequencer.rpc.dispatch.RpcError;
import seqpool.sequencer.rpc.dispatch.RpcException;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.dispatch.Subscription;
import seqpool.sequencer.rpc.dispatch.TokenBucket;

/**
 * A WebSocket connection: its rate limit and its subscriptions (at most the configured number). Notifications are
 * sent only to a client that keeps up: when more than {@code wsMaxPendingBytes} of notifications wait in its send
 * buffer, the connection is closed (the client reconnects and resubscribes) rather than buffering without bound.
 * Thread-safe: workers subscribe, the fan-out thread notifies, the event loop closes.
 */
final class WsSession implements RpcSession {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    /** One subscription; notified only once the response carrying its id has been queued ({@link #activate}). */
    record Sub(String id, Subscription kind, boolean active) {
    }

    private final Channel channel;
    private final ServerContext server;
    private final TokenBucket bucket;
    private final Map<String, Sub> subs = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile boolean closed;

    WsSession(Channel channel, ServerContext server) {
        this.channel = channel;
        this.server = server;
        this.bucket = new TokenBucket(server.settings().ratePerSecond(), server.settings().rateBurst(),
                server.nanoClock());
    }

    @Override
    public boolean tryAcquire() {
        return bucket.tryAcquire();
    }

    @Override
    public boolean supportsSubscriptions() {
        return true;
    }

    @Override
    public synchronized String subscribe(Subscription subscription) throws RpcException {
        int max = server.settings().maxSubscriptionsPerConnection();
        if (subs.size() >= max) {
            throw new RpcException(RpcError.LIMIT_EXCEEDED, "too many subscriptions (at most " + max
                    + " per connection)");
        }
        byte[] raw = new byte[16];
        server.random().nextBytes(raw);
        String id = "0x" + HexFormat.of().formatHex(raw);
        subs.put(id, new Sub(id, subscription, false));
        server.fanout().register(this);
        return id;
    }

    @Override
    public boolean unsubscribe(String id) {
        return subs.remove(id) != null;
    }

    /** The responses carrying new subscription ids are queued: their notifications may follow. */
    synchronized void activate() {
        subs.replaceAll((id, s) -> s.active() ? s : new Sub(id, s.kind(), true));
    }

    List<Sub> activeSubscriptions() {
        List<Sub> out = new ArrayList<>(subs.size());
        for (Sub s : subs.values()) {
            if (s.active()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Sends one notification, or closes the connection when the client has stopped reading. Any thread. */
    void notify(String json) {
        if (closed || !channel.isActive()) {
            return;
        }
        long size = json.length();
        long pending = pendingBytes.addAndGet(size);
        if (pending > server.settings().wsMaxPendingBytes()) {
            LOG.log(System.Logger.Level.INFO, () -> "closing WebSocket " + channel.remoteAddress() + ": " + pending
                    + " bytes of notifications not read (limit " + server.settings().wsMaxPendingBytes() + ")");
            disconnect(); // a close frame would wait behind what the client does not read
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(json)).addListener(f -> pendingBytes.addAndGet(-size));
    }

    /** Ends the connection (its subscriptions go with it). */
    void disconnect() {
        closed = true;
        channel.close();
    }

    /** The connection is gone: no more notifications. */
    void close() {
        closed = true;
        subs.clear();
        server.fanout().unregister(this);
    }

    int subscriptionCount() {
        return subs.size();
    }
}
