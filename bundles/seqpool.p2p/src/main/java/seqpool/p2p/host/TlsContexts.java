package seqpool.p2p.host;

import java.util.Optional;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import seqpool.api.common.Address;
import seqpool.api.p2p.PeerAuthorizer;
import seqpool.p2p.tls.IdentityTrustManager;
import seqpool.p2p.tls.PeerCertificateVerifier;
import seqpool.p2p.tls.TlsIdentity;

/**
 * netty TLS contexts (JDK provider, TLS 1.3 only, client certificates required): one for accepting, and one per dial
 * whose trust manager also insists on the dialed address (so there is no session cache shared across dials).
 */
final class TlsContexts {
    private static final String TLS13 = "TLSv1.3";

    private final TlsIdentity identity;
    private final PeerCertificateVerifier verifier;
    private final PeerAuthorizer authorizer;
    private final Predicate<Address> banned;
    private final SslContext server;

    TlsContexts(TlsIdentity identity, PeerCertificateVerifier verifier, PeerAuthorizer authorizer, Predicate<Address> banned)
            throws SSLException {
        this.identity = identity;
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.banned = banned;
        this.server = SslContextBuilder.forServer(identity.privateKey(), identity.certificate())
                .sslProvider(SslProvider.JDK)
                .protocols(TLS13)
                .clientAuth(ClientAuth.REQUIRE)
                .trustManager(new IdentityTrustManager(verifier, authorizer, banned, Optional.empty()))
                .build();
    }

    SslContext server() {
        return server;
    }

    SslContext clientFor(Address expected) throws SSLException {
        return SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(TLS13)
                .keyManager(identity.privateKey(), identity.certificate())
                .trustManager(new IdentityTrustManager(verifier, authorizer, banned, Optional.of(expected)))
                .build();
    }
}
