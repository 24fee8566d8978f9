package seqpool.api.p2p;

import java.util.Optional;
import java.util.OptionalInt;
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
 *
 * <p>Channels are versioned: each node offers protocol versions per channel (e.g. {@code consensus/1}) and the session
 * agrees on the highest common one; {@link #protocolVersion} tells which. A channel without a common version is
 * unavailable with that peer ({@link #send} answers {@link SendResult#NOT_CONNECTED}).
 */
@ProviderType
public interface P2pNetwork {

    /** The address of this node's signer key. */
    Address self();

    /** Peers with an open, authenticated session. */
    Set<Address> connectedPeers();

    /**
     * Queues a message for one peer. Never blocks. {@link SendResult#NOT_CONNECTED} if there is no session or no agreed
     * version of the channel with that peer.
     */
    SendResult send(Address peer, Channel channel, Bytes payload);

    /** Queues a message for every connected peer; returns how many accepted it. */
    int broadcast(Channel channel, Bytes payload);

    /**
     * Receives every message on the channel. The listener runs on a transport thread and must not block: hand the
     * message to the protocol's own thread. Closing the subscription stops delivery.
     */
    Subscription subscribe(Channel channel, MessageListener listener);

    /**
     * Lowers a peer's score by {@code points} (&gt; 0) for a protocol-level fault (bad signature, invalid message); at 0 or
     * less the peer is disconnected and banned for a while. Other peers are unaffected.
     */
    void penalize(Address peer, int points, String reason);

    /** State and score of a configured or connected peer. */
    Optional<PeerInfo> peer(Address peer);

    /**
     * The protocol version agreed with a connected peer on a channel, or empty if not connected or no common version.
     * Implementations that do not negotiate versions (in-memory test networks) may keep this default.
     */
    default OptionalInt protocolVersion(Address peer, Channel channel) {
        return OptionalInt.empty();
    }

    /** Largest payload accepted by {@link #send}, in bytes. */
    int maxPayloadBytes();
}
