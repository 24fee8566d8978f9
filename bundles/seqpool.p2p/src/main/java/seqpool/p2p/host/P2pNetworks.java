package seqpool.p2p.host;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import seqpool.api.common.Address;
import seqpool.api.identity.NodeSigner;
import seqpool.api.p2p.PeerAuthorizer;
import seqpool.p2p.peer.PeerEndpoint;

/** Plain-Java entry point: builds and starts a transport without OSGi (tests, tools, other modules' itests). */
public final class P2pNetworks {
    private P2pNetworks() {
    }

    /** Starts a transport that admits only the configured peers. */
    public static NettyP2pNetwork start(P2pConfig config, NodeSigner signer) {
        return start(config, signer, configuredPeersOnly(config));
    }

    /**
     * Starts a transport: binds the listen address and begins dialing. Throws {@link IllegalStateException} if it
     * cannot bind or build its TLS context.
     */
    public static NettyP2pNetwork start(P2pConfig config, NodeSigner signer, PeerAuthorizer authorizer) {
        try {
            return new NettyP2pNetwork(config, signer, authorizer, Clock.systemUTC());
        } catch (SSLException e) {
            throw new IllegalStateException("p2p: cannot build the TLS context", e);
        }
    }

    /** The default authorizer: the addresses listed in {@code peers}. */
    public static PeerAuthorizer configuredPeersOnly(P2pConfig config) {
        Set<Address> allowed = config.peers().stream().map(PeerEndpoint::address).collect(Collectors.toUnmodifiableSet());
        return allowed::contains;
    }
}
