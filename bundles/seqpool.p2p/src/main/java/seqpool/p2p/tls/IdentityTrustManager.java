package seqpool.p2p.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Predicate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import seqpool.api.common.Address;
import seqpool.api.p2p.PeerAuthorizer;

/**
 * Trusts a peer certificate iff {@link PeerCertificateVerifier} accepts it, the derived address is not banned, the
 * authorizer admits it and, when dialing, it is the address this node meant to dial. Used on both sides of the TLS
 * handshake (client certificates are required). Thread-safe if the authorizer and the ban predicate are.
 */
public final class IdentityTrustManager extends X509ExtendedTrustManager {
    private final PeerCertificateVerifier verifier;
    private final PeerAuthorizer authorizer;
    private final Predicate<Address> banned;
    private final Optional<Address> expected;

    /** @param expected the address being dialed (client side), or empty to accept any admitted peer */
    public IdentityTrustManager(PeerCertificateVerifier verifier, PeerAuthorizer authorizer, Predicate<Address> banned,
                                Optional<Address> expected) {
        this.verifier = verifier;
        this.authorizer = authorizer;
        this.banned = banned;
        this.expected = expected;
    }

    /** Verifies the chain and admission; returns the peer's address. */
    public Address check(X509Certificate[] chain) throws PeerAuthenticationException {
        Address peer = verifier.verify(chain);
        if (expected.isPresent() && !expected.get().equals(peer)) {
            throw new PeerAuthenticationException(PeerAuthenticationException.Kind.UNEXPECTED_PEER, peer,
                    "dialed " + expected.get() + " but the endpoint authenticated as another signer");
        }
        if (banned.test(peer)) {
            throw new PeerAuthenticationException(PeerAuthenticationException.Kind.BANNED, peer, "peer is banned");
        }
        boolean admitted;
        try {
            admitted = authorizer.isAuthorized(peer);
        } catch (RuntimeException e) {
            admitted = false;
        }
        if (!admitted) {
            throw new PeerAuthenticationException(PeerAuthenticationException.Kind.UNAUTHORIZED, peer,
                    "signer is not authorized to join the pool");
        }
        return peer;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
