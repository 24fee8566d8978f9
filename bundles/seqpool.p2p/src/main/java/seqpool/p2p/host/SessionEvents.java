package seqpool.p2p.host;

import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.p2p.peer.Offence;

/** What a connection's {@link SessionHandler} reports to the network. Called on the connection's event loop. */
interface SessionEvents {

    /** A session finished its hello; returns false if it must be closed (banned, duplicate, shutting down). */
    boolean sessionOpened(PeerSession session);

    void sessionClosed(PeerSession session);

    void deliver(PeerSession session, Channel channel, Bytes payload);

    /** An authenticated peer broke a transport rule. */
    void offence(Address peer, Offence offence, String detail);

    /** The TLS handshake failed (bad certificate, not TLS at all, timeout, refused by the peer). */
    void handshakeFailed(String remoteHost, boolean outbound, Optional<Address> dialed, Throwable cause);

    /** An unauthenticated connection broke a rule before TLS completed. */
    void hostOffence(String remoteHost, Offence offence, String detail);
}
