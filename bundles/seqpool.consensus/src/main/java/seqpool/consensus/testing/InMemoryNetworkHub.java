package seqpool.consensus.testing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

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
 * In-process channels between {@link P2pNetwork} endpoints: every endpoint delivers on its own single "transport"
 * thread, in send order per sender, like a real transport's I/O thread. For tests and benchmarks without sockets;
 * {@link #disconnect} cuts an endpoint off (both directions). Thread-safe.
 */
public final class InMemoryNetworkHub implements AutoCloseable {
    private final Map<Address, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();

    public P2pNetwork join(Address self) {
        Endpoint e = new Endpoint(self);
        endpoints.put(self, e);
        return e;
    }

    public void disconnect(Address a) {
        Endpoint e = endpoints.remove(a);
        if (e != null) {
            e.close();
        }
    }

    public long delivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        endpoints.values().forEach(Endpoint::close);
        endpoints.clear();
    }

    private final class Endpoint implements P2pNetwork {
        private final Address self;
        private final ExecutorService transport;
        private final Map<Channel, CopyOnWriteArrayList<MessageListener>> listeners = new ConcurrentHashMap<>();
        private final Map<Address, Integer> penalties = new ConcurrentHashMap<>();

        Endpoint(Address self) {
            this.self = self;
            this.transport = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "inmem-transport-" + self.toHex().substring(0, 8));
                t.setDaemon(true);
                return t;
            });
        }

        void deliver(InboundMessage m) {
            try {
                transport.execute(() -> {
                    for (MessageListener l : listeners.getOrDefault(m.channel(), new CopyOnWriteArrayList<>())) {
                        l.onMessage(m);
                    }
                    delivered.incrementAndGet();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // endpoint closed
            }
        }

        void close() {
            transport.shutdownNow();
        }

        @Override
        public Address self() {
            return self;
        }

        @Override
        public Set<Address> connectedPeers() {
            Set<Address> s = new java.util.HashSet<>(endpoints.keySet());
            s.remove(self);
            return s;
        }

        @Override
        public SendResult send(Address peer, Channel channel, Bytes payload) {
            Endpoint to = endpoints.get(peer);
            if (to == null || !endpoints.containsKey(self)) {
                return SendResult.NOT_CONNECTED;
            }
            to.deliver(new InboundMessage(self, channel, payload));
            return SendResult.QUEUED;
        }

        @Override
        public int broadcast(Channel channel, Bytes payload) {
            int n = 0;
            if (!endpoints.containsKey(self)) {
                return 0;
            }
            for (Endpoint to : endpoints.values()) {
                if (to != this) {
                    to.deliver(new InboundMessage(self, channel, payload));
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
            penalties.merge(peer, points, Integer::sum);
        }

        @Override
        public Optional<PeerInfo> peer(Address peer) {
            return endpoints.containsKey(peer)
                    ? Optional.of(new PeerInfo(peer, PeerState.CONNECTED, 100 - penalties.getOrDefault(peer, 0), "in-memory"))
                    : Optional.empty();
        }

        @Override
        public int maxPayloadBytes() {
            return 16 << 20;
        }
    }
}
