package seqpool.p2p.tls;

import java.security.cert.CertificateException;

import seqpool.api.common.Address;

/**
 * A peer's certificate was refused. Thrown by the trust manager inside the TLS handshake; the transport finds it in
 * the handshake failure's cause chain and scores the culprit: the claimed address when the binding was valid, else the
 * remote host.
 */
public final class PeerAuthenticationException extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** Why the certificate was refused. */
    public enum Kind {
        /** Malformed certificate or extension, bad signature: the identity claim cannot be trusted. */
        INVALID_CERTIFICATE,
        /** A valid identity the authorizer does not admit. */
        UNAUTHORIZED,
        /** A valid identity that is banned for now. */
        BANNED,
        /** A valid identity, but not the one this node meant to dial. */
        UNEXPECTED_PEER
    }

    private final Kind kind;
    private final transient Address peer;

    /** @param peer the authenticated address, or null when the binding itself is invalid */
    public PeerAuthenticationException(Kind kind, Address peer, String message) {
        super(peer == null ? message : message + " (peer " + peer + ")");
        this.kind = kind;
        this.peer = peer;
    }

    public Kind kind() {
        return kind;
    }

    /** The authenticated address, if the binding was valid. */
    public java.util.Optional<Address> peer() {
        return java.util.Optional.ofNullable(peer);
    }
}
