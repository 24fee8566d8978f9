package seqpool.sequencer.rpc.server;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import seqpool.sequencer.rpc.dispatch.RpcError;
import seqpool.sequencer.rpc.dispatch.RpcException;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.dispatch.Subscription;
import seqpool.sequencer.rpc.dispatch.TokenBucket;

/**
 * A WebSocket connection: its rate limit, its subscriptions (at most the configured number) and its outbound queue.
 * Responses and notifications leave through one queue, in order (so that the response carrying a subscription id
 * precedes that subscription's notifications); the event loop hands queued messages to netty only while the client
 * reads ({@link Channel#isWritable()}). When more than {@code wsMaxPendingBytes} of notifications wait because the
 * client does not read, the connection is closed (the client reconnects and resubscribes) rather than buffering
 * without bound. Thread-safe: workers subscribe and answer, the fan-out thread notifies, the event loop drains.
 */
final class WsSession implements RpcSession {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    /** One subscription; notified only once the response carrying its id has been queued ({@link #activate}). */
    record Sub(String id, Subscription kind, boolean active) {
    }

    private record Outbound(String text, ChannelPromise promise, boolean notification) {
    }

    private final Channel channel;
    private final ServerContext server;
    private final TokenBucket bucket;
    private final Map<String, Sub> subs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Outbound> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedNotificationBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
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
    public synchronized boolean unsubscribe(String id) {
        boolean removed = subs.remove(id) != null;
        if (subs.isEmpty()) {
            server.fanout().unregister(this);
        }
        return removed;
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

    /** Queues a response; the future completes when it is written. Any thread. */
    ChannelFuture respond(String json) {
        ChannelPromise promise = channel.newPromise();
        outbound.add(new Outbound(json, promise, false));
        scheduleDrain();
        return promise;
    }

    /** Queues one notification, or closes the connection when the client has stopped reading. Any thread. */
    void notify(String json) {
        if (closed || !channel.isActive()) {
            return;
        }
        long pending = queuedNotificationBytes.addAndGet(json.length());
        if (pending > server.settings().wsMaxPendingBytes()) {
            LOG.log(System.Logger.Level.INFO, () -> "closing WebSocket " + channel.remoteAddress() + ": " + pending
                    + " bytes of notifications not read (limit " + server.settings().wsMaxPendingBytes() + ")");
            disconnect(); // a close frame would wait behind what the client does not read
            return;
        }
        outbound.add(new Outbound(json, channel.voidPromise(), true));
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    /** On the event loop: hands queued messages to netty while the client reads. */
    void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            failQueued();
            return;
        }
        boolean wrote = false;
        Outbound o;
        while (channel.isWritable() && (o = outbound.poll()) != null) {
            if (o.notification()) {
                queuedNotificationBytes.addAndGet(-o.text().length());
            }
            channel.write(new TextWebSocketFrame(o.text()), o.promise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void failQueued() {
        Outbound o;
        while ((o = outbound.poll()) != null) {
            o.promise().tryFailure(new java.nio.channels.ClosedChannelException());
        }
    }

    /** Ends the connection (its subscriptions go with it). */
    void disconnect() {
        closed = true;
        channel.close();
    }

    /** The connection is gone (on the event loop): no more notifications. */
    void close() {
        closed = true;
        subs.clear();
        server.fanout().unregister(this);
        failQueued();
    }
}
