package seqpool.p2p.host;

import java.time.Duration;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.p2p.peer.DialRule;
import seqpool.p2p.peer.Offence;
import seqpool.p2p.peer.ScoreVerdict;
import seqpool.p2p.tls.PeerAuthenticationException;

/**
 * The network's side of {@link SessionEvents}: admits sessions (one per peer, by {@link DialRule}), routes messages to
 * subscribers, scores offences and bans (closing the banned peer's session), and schedules redials.
 */
final class SessionRouter implements SessionEvents {
    private static final System.Logger LOG = System.getLogger("seqpool.p2p");

    private final NettyP2pNetwork network;
    private final Object admission = new Object();

    SessionRouter(NettyP2pNetwork network) {
        this.network = network;
    }

    @Override
    public boolean sessionOpened(PeerSession s) {
        Address peer = s.peer();
        PeerSession replaced = null;
        synchronized (admission) {
            if (network.isClosed() || network.peerScores().isBanned(peer)) {
                return false;
            }
            PeerSession existing = network.sessions().get(peer);
            if (existing != null && existing.isActive()) {
                if (!DialRule.newSessionWins(network.self(), peer, existing.outbound(), s.outbound())) {
                    LOG.log(System.Logger.Level.DEBUG, "keeping " + existing + ", dropping duplicate " + s);
                    return false;
                }
                replaced = existing;
            }
            network.sessions().put(peer, s);
        }
        if (replaced != null) {
            LOG.log(System.Logger.Level.DEBUG, "replacing " + replaced + " by " + s);
            replaced.close();
        }
        network.dialer(peer).ifPresent(Dialer::connected);
        LOG.log(System.Logger.Level.INFO, "session open with " + peer + " (" + (s.outbound() ? "outbound" : "inbound")
                + " " + s.remoteEndpoint() + "), channels " + s.negotiated().versions());
        return true;
    }

    @Override
    public void sessionClosed(PeerSession s) {
        if (network.sessions().remove(s.peer(), s)) {
            LOG.log(System.Logger.Level.INFO, "session closed with " + s.peer());
            if (!s.outbound()) {
                // An inbound session from a peer we dial (duplicate resolution kept it): redial now that it is gone.
                network.dialer(s.peer()).ifPresent(d -> network.scheduleDial(d, Duration.ZERO));
            }
        }
    }

    @Override
    public void deliver(PeerSession session, Channel channel, Bytes payload) {
        network.metrics().received(channel, payload.size());
        network.subscriptions().deliver(new InboundMessage(session.peer(), channel, payload));
    }

    @Override
    public void offence(Address peer, Offence offence, String detail) {
        penalizePeer(peer, offence.points(), offence + ": " + detail);
    }

    void penalizePeer(Address peer, int points, String reason) {
        ScoreVerdict v = network.peerScores().penalize(peer, points);
        network.metrics().penalized(v.banned());
        LOG.log(System.Logger.Level.WARNING, "peer " + peer + " penalized " + points + " (" + reason + "), score " + v.score()
                + (v.banned() ? ", banned until " + v.bannedUntil().get() : ""));
        if (v.banned()) {
            PeerSession s = network.sessions().get(peer);
            if (s != null) {
                s.close();
            }
        }
    }

    @Override
    public void hostOffence(String remoteHost, Offence offence, String detail) {
        ScoreVerdict v = network.hostScores().penalize(remoteHost, offence.points());
        network.metrics().hostPenalized();
        LOG.log(System.Logger.Level.WARNING, "host " + remoteHost + " penalized " + offence.points() + " (" + offence + ": "
                + detail + "), score " + v.score());
    }

    @Override
    public void handshakeFailed(String remoteHost, boolean outbound, Optional<Address> dialed, Throwable cause) {
        PeerAuthenticationException auth = authFailure(cause);
        String where = (outbound ? "dialing " + dialed.map(Address::toString).orElse("?") + " at " : "from ") + remoteHost;
        if (auth == null) {
            if (outbound || refusedByRemote(cause) || cause instanceof java.nio.channels.ClosedChannelException) {
                // The remote side aborted (it did not accept our identity, or hung up before TLS, or the gate closed
                // the connection): not evidence against that host.
                LOG.log(System.Logger.Level.INFO, "TLS handshake failed " + where + ": " + brief(cause));
            } else {
                hostOffence(remoteHost, Offence.HANDSHAKE_FAILURE, "TLS handshake failed: " + brief(cause));
            }
            return;
        }
        switch (auth.kind()) {
            case INVALID_CERTIFICATE -> hostOffence(remoteHost, Offence.HANDSHAKE_FAILURE, auth.getMessage());
            case UNAUTHORIZED -> offence(auth.peer().orElseThrow(), Offence.FAILED_AUTHENTICATION, auth.getMessage() + " " + where);
            case BANNED -> LOG.log(System.Logger.Level.DEBUG, "refused banned peer " + where);
            case UNEXPECTED_PEER -> LOG.log(System.Logger.Level.WARNING, "refused session " + where + ": " + auth.getMessage());
        }
    }

    /** A cause for the log, cut short (netty quotes a whole garbage record in its message). */
    private static String brief(Throwable t) {
        String s = String.valueOf(t);
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    /** The remote side sent a TLS alert (it refused us); JDK 17 reports that only in the message. */
    private static boolean refusedByRemote(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLException && c.getMessage() != null
                    && c.getMessage().startsWith("Received fatal alert")) {
                return true;
            }
        }
        return false;
    }

    private static PeerAuthenticationException authFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PeerAuthenticationException p) {
                return p;
            }
        }
        return null;
    }
}
