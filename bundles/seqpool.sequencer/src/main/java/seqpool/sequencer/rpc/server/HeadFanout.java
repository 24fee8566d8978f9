package seqpool.sequencer.rpc.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.DefaultThreadFactory;
import seqpool.sequencer.rpc.EthBackend;
import seqpool.sequencer.rpc.HeadEvent;
import seqpool.sequencer.rpc.RpcLog;
import seqpool.sequencer.rpc.dispatch.EthJson;
import seqpool.sequencer.rpc.dispatch.Subscription;
import seqpool.sequencer.rpc.json.Json;
import seqpool.sequencer.rpc.json.JsonWriter;

/**
 * Turns the backend's head events into {@code eth_subscription} notifications for every WebSocket subscriber, on one
 * thread of its own ({@code rpc-fanout}), so that the backend's listener only queues. Each header and log is rendered
 * once for all subscribers. If events arrive faster than they can be fanned out (the queue of
 * {@value #QUEUE} events is full), subscribers would miss some: their connections are closed instead.
 */
final class HeadFanout implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");
    static final int QUEUE = 4096;

    private final Set<WsSession> sessions = new CopyOnWriteArraySet<>();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), new DefaultThreadFactory("rpc-fanout", true));
    private AutoCloseable backendSubscription;

    void start(EthBackend backend) {
        backendSubscription = backend.subscribeHeads(this::enqueue);
    }

    void register(WsSession s) {
        sessions.add(s);
    }

    void unregister(WsSession s) {
        sessions.remove(s);
    }

    private void enqueue(HeadEvent event) {
        try {
            thread.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            if (thread.isShutdown()) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "head events arrive faster than notifications go out; closing "
                    + sessions.size() + " subscribed connections");
            for (WsSession s : sessions) {
                s.disconnect();
            }
        }
    }

    private void deliver(HeadEvent event) {
        if (sessions.isEmpty()) {
            return;
        }
        String header = null;
        Map<RpcLog, String> renderedLogs = new HashMap<>();
        for (WsSession session : sessions) {
            for (WsSession.Sub sub : session.activeSubscriptions()) {
                if (sub.kind() instanceof Subscription.NewHeads) {
                    if (!event.removed()) {
                        if (header == null) {
                            header = JsonWriter.write(EthJson.header(event.header()));
                        }
                        session.notify(notification(sub.id(), header));
                    }
                } else if (sub.kind() instanceof Subscription.Logs logs) {
                    for (RpcLog log : event.logs()) {
                        if (logs.criteria().matches(log)) {
                            String rendered = renderedLogs.computeIfAbsent(log, l -> JsonWriter.write(
                                    EthJson.log(event.removed() ? l.asRemoved() : l)));
                            session.notify(notification(sub.id(), rendered));
                        }
                    }
                }
            }
        }
    }

    private static String notification(String id, String renderedResult) {
        return JsonWriter.write(EthJson.notification(id, new Json.Raw(renderedResult)));
    }

    int subscribedSessions() {
        return sessions.size();
    }

    @Override
    public void close() {
        if (backendSubscription != null) {
            try {
                backendSubscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing the head subscription failed", e);
            }
        }
        thread.shutdownNow();
    }
}
