package seqpool.sequencer.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.PeerInfo;
import seqpool.api.p2p.PeerState;
import seqpool.api.p2p.SendResult;
import seqpool.api.p2p.Subscription;

/**
 * An in-process network for sequencer tests. Each endpoint delivers on its own transport thread, in send order per
 * sender (like a real transport's I/O thread). Endpoints can go offline and back ({@link #setOnline}); every message
 * sent while both ends are online is recorded ({@link #sent}), every penalty is recorded per reporter, and a listener
 * that throws is counted ({@link #listenerFailures}) instead of being hidden. Thread-safe.
 */
public final class TestHub implements AutoCloseable {
    public record Sent(Address from, Address to, Channel channel, Bytes payload) {
    }

    public record Penalty(Address reporter, Address peer, int points, String reason) {
    }

    private final Map<Address, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Set<Address> online = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Penalty> penalties = new CopyOnWriteArrayList<>();
    private final AtomicInteger listenerFailures = new AtomicInteger();

    /** The endpoint of {@code self}, created on first use; online. */
    public P2pNetwork join(Address self) {
        online.add(self);
        return endpoints.computeIfAbsent(self, Endpoint::new);
    }

    public void setOnline(Address a, boolean up) {
        if (up) {
            online.add(a);
        } else {
            online.remove(a);
        }
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Penalty> penalties() {
        return List.copyOf(penalties);
    }

    public int listenerFailures() {
        return listenerFailures.get();
    }

    /** Delivers raw bytes to {@code to} as if {@code from} had sent them (for scripted misbehaving peers). */
    public void inject(Address from, Address to, Bytes payload) {
        Endpoint e = endpoints.get(to);
        if (e != null) {
            e.deliver(new InboundMessage(from, Channel.L2, payload));
        }
    }

    @Override
    public void close() {
        endpoints.values().forEach(e -> e.transport.shutdownNow());
    }

    private final class Endpoint implements P2pNetwork {
        private final Address self;
        private final ExecutorService transport;
        private final Map<Channel, List<MessageListener>> listeners = new ConcurrentHashMap<>();
        private final Map<Address, Integer> scores = new ConcurrentHashMap<>();

        Endpoint(Address self) {
            this.self = self;
            this.transport = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "test-transport-" + self.toHex().substring(2, 8));
                t.setDaemon(true);
                return t;
            });
        }

        void deliver(InboundMessage m) {
            try {
                transport.execute(() -> {
                    for (MessageListener l : listeners.getOrDefault(m.channel(), List.of())) {
                        try {
                            l.onMessage(m);
                        } catch (Throwable t) {
                            listenerFailures.incrementAndGet();
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                // hub closed
            }
        }

        @Override
        public Address self() {
            return self;
        }

        @Override
        public Set<Address> connectedPeers() {
            if (!online.contains(self)) {
                return Set.of();
            }
            Set<Address> peers = new HashSet<>(online);
            peers.remove(self);
            return peers;
        }

        @Override
        public SendResult send(Address peer, Channel channel, Bytes payload) {
            Endpoint to = endpoints.get(peer);
            if (to == null || !online.contains(self) || !online.contains(peer)) {
                return SendResult.NOT_CONNECTED;
            }
            sent.add(new Sent(self, peer, channel, payload));
            to.deliver(new InboundMessage(self, channel, payload));
            return SendResult.QUEUED;
        }

        @Override
        public int broadcast(Channel channel, Bytes payload) {
            int n = 0;
            for (Address peer : new ArrayList<>(connectedPeers())) {
                if (send(peer, channel, payload) == SendResult.QUEUED) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public Subscription subscribe(Channel channel, MessageListener listener) {
            listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
            return () -> listeners.get(channel).remove(listener);
        }

        @Override
        public void penalize(Address peer, int points, String reason) {
            if (points <= 0) {
                throw new IllegalArgumentException("points must be > 0");
            }
            penalties.add(new Penalty(self, peer, points, reason));
            scores.merge(peer, points, Integer::sum);
        }

        @Override
        public Optional<PeerInfo> peer(Address peer) {
            return Optional.of(new PeerInfo(peer, online.contains(peer) ? PeerState.CONNECTED : PeerState.DISCONNECTED,
                    100 - scores.getOrDefault(peer, 0), "in-memory"));
        }

        @Override
        public int maxPayloadBytes() {
            return 1 << 20;
        }
    }
}
