package seqpool.api.p2p;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * The node's view of the pool's network. Peers are named by the address of their secp256k1 signer key, which the
 * transport has authenticated (mutual TLS 1.3 bound to that key, DESIGN.md §4) before any message is delivered.
 *
 * <p>Ordering: messages from one peer on one channel are delivered in the order they were sent; there is no ordering
 * across peers or channels. Delivery is at most once per connection; a reconnect may lose queued messages, so protocols
 * retransmit what they need. Sending never blocks: {@link #send} reports back-pressure with {@link SendResult#QUEUE_FULL}.
 * All methods are thread-safe.
 */
@ProviderType
public interface P2pNetwork {

    /** The address of this node's signer key. */
    Address self();

    /** Peers with an open, authenticated session. */
    Set<Address> connectedPeers();

    /** Queues a message for one peer. Never blocks. */
    SendResult send(Address peer, Channel channel, Bytes payload);

    /** Queues a message for every connected peer; returns how many accepted it. */
    int broadcast(Channel channel, Bytes payload);

    /**
     * Receives every message on the channel. The listener runs on a transport thread and must not block: hand the
     * message to the protocol's own thread. Closing the subscription stops delivery.
     */
    Subscription subscribe(Channel channel, MessageListener listener);

    /** Lowers a peer's score for a protocol-level fault (bad signature, invalid message); may disconnect it. */
    void penalize(Address peer, int points, String reason);

    /** State and score of a configured or connected peer. */
    Optional<PeerInfo> peer(Address peer);

    /** Largest payload accepted by {@link #send}, in bytes. */
    int maxPayloadBytes();
}
