package seqpool.p2p.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.SendResult;

/**
 * What only the transport knows: messages and payload bytes sent and received per channel, messages dropped because a
 * peer's send queue was full (back-pressure), penalties and bans of peers and hosts. Thread-safe (netty threads count,
 * scrapes read).
 */
final class P2pMetrics implements MetricSource {
    private record Key(String channel, String direction) {
    }

    private final Map<Key, LongAdder> messages = new ConcurrentHashMap<>();
    private final Map<Key, LongAdder> bytes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final LongAdder penalties = new LongAdder();
    private final LongAdder peerBans = new LongAdder();
    private final LongAdder hostPenalties = new LongAdder();

    void sent(Channel channel, int payloadBytes, SendResult result) {
        if (result == SendResult.QUEUED) {
            count(new Key(channel.name(), "out"), payloadBytes);
        } else if (result == SendResult.QUEUE_FULL) {
            dropped.computeIfAbsent(channel.name(), c -> new LongAdder()).increment();
        }
    }

    void received(Channel channel, int payloadBytes) {
        count(new Key(channel.name(), "in"), payloadBytes);
    }

    void penalized(boolean banned) {
        penalties.increment();
        if (banned) {
            peerBans.increment();
        }
    }

    void hostPenalized() {
        hostPenalties.increment();
    }

    private void count(Key k, int payloadBytes) {
        messages.computeIfAbsent(k, x -> new LongAdder()).increment();
        bytes.computeIfAbsent(k, x -> new LongAdder()).add(payloadBytes);
    }

    @Override
    public void collect(MetricSink sink) {
        messages.forEach((k, n) -> sink.counter("seqpool_p2p_messages", "Messages sent (queued) and received, per "
                + "channel", Map.of("channel", k.channel(), "direction", k.direction()), n.sum()));
        bytes.forEach((k, n) -> sink.counter("seqpool_p2p_payload_bytes", "Payload bytes sent (queued) and received, "
                + "per channel", Map.of("channel", k.channel(), "direction", k.direction()), n.sum()));
        dropped.forEach((c, n) -> sink.counter("seqpool_p2p_dropped_messages", "Messages not sent because the peer's "
                + "send queue was full", Map.of("channel", c), n.sum()));
        sink.counter("seqpool_p2p_penalties", "Penalties given to peers (bad frames, invalid messages)", penalties.sum());
        sink.counter("seqpool_p2p_bans", "Peers banned (score at or below zero)", peerBans.sum());
        sink.counter("seqpool_p2p_host_penalties", "Penalties given to remote hosts before authentication",
                hostPenalties.sum());
    }
}
