package seqpool.p2p.host;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.Subscription;

/** Listeners per channel. A listener that throws is logged and skipped; the session goes on. Thread-safe. */
final class Subscriptions {
    private static final System.Logger LOG = System.getLogger("seqpool.p2p");

    private final ConcurrentMap<Channel, List<MessageListener>> listeners = new ConcurrentHashMap<>();

    Subscription add(Channel channel, MessageListener listener) {
        if (channel == null || listener == null) {
            throw new IllegalArgumentException("channel and listener are required");
        }
        List<MessageListener> list = listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        MessageListener entry = listener::onMessage; // a distinct identity per subscription
        list.add(entry);
        return () -> list.remove(entry);
    }

    void deliver(InboundMessage message) {
        List<MessageListener> list = listeners.get(message.channel());
        if (list == null) {
            return;
        }
        for (MessageListener l : list) {
            try {
                l.onMessage(message);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener on channel " + message.channel().name()
                        + " failed on a message from " + message.from(), e);
            }
        }
    }
}
