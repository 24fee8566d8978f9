package seqpool.tss.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.p2p.PeerInfo;
import seqpool.api.p2p.SendResult;
import seqpool.api.p2p.Subscription;

/** An in-memory {@link P2pNetwork} hub for host tests: nodes can be cut off (crash) and messages filtered. */
public final class HubNetwork {
    private final Map<Address, Map<Channel, List<MessageListener>>> listeners = new ConcurrentHashMap<>();
    private final Set<Address> down = ConcurrentHashMap.newKeySet();
    private volatile BiPredicate<Address, Bytes> dropFrom = (a, b) -> false;

    public P2pNetwork node(Address self) {
        down.remove(self);
        listeners.put(self, new ConcurrentHashMap<>());
        return new P2pNetwork() {
            @Override
            public Address self() {
                return self;
            }

            @Override
            public Set<Address> connectedPeers() {
                return Set.copyOf(listeners.keySet());
            }

            @Override
            public SendResult send(Address peer, Channel channel, Bytes payload) {
                if (down.contains(self) || down.contains(peer) || dropFrom.test(self, payload)) {
                    return SendResult.NOT_CONNECTED;
                }
                var l = listeners.getOrDefault(peer, Map.of()).getOrDefault(channel, List.of());
                l.forEach(x -> x.onMessage(new InboundMessage(self, channel, payload)));
                return SendResult.QUEUED;
            }

            @Override
            public int broadcast(Channel channel, Bytes payload) {
                int n = 0;
                for (Address a : listeners.keySet()) {
                    if (!a.equals(self) && send(a, channel, payload) == SendResult.QUEUED) {
                        n++;
                    }
                }
                return n;
            }

            @Override
            public Subscription subscribe(Channel channel, MessageListener listener) {
                listeners.get(self).computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
                return () -> {
                    var byChannel = listeners.get(self);
                    if (byChannel != null && byChannel.get(channel) != null) {
                        byChannel.get(channel).remove(listener);
                    }
                };
            }

            @Override
            public void penalize(Address peer, int points, String reason) {
            }

            @Override
            public Optional<PeerInfo> peer(Address peer) {
                return Optional.empty();
            }

            @Override
            public int maxPayloadBytes() {
                return 1 << 20;
            }
        };
    }

    /** The node stops sending and receiving (a crash). */
    public void crash(Address a) {
        down.add(a);
        listeners.remove(a);
    }

    /** Drops matching messages at the sender (used to crash a node at a given protocol step). */
    public void dropFrom(BiPredicate<Address, Bytes> p) {
        dropFrom = p;
    }
}
