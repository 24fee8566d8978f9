package seqpool.p2p.tls;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.codec.crypto.Secp256k1;

/**
 * Checks a peer's certificate chain and returns the address of the signer key it is bound to. Accepts exactly one
 * self-signed certificate, valid now, with an ECDSA P-256 (or Ed25519) key, no critical extension but the signed-key
 * extension, whose secp256k1 signature over {@code "seqpool-tls-handshake:" ‖ SPKI} verifies. TLS 1.3 itself proves
 * the peer holds the certificate's private key (CertificateVerify). Stateless apart from the clock; thread-safe.
 */
public final class PeerCertificateVerifier {
    private final Clock clock;

    public PeerCertificateVerifier(Clock clock) {
        this.clock = clock;
    }

    public Address verify(X509Certificate[] chain) throws PeerAuthenticationException {
        if (chain == null || chain.length != 1) {
            throw invalid("expected exactly one self-signed certificate, got " + (chain == null ? 0 : chain.length));
        }
        X509Certificate cert = chain[0];
        try {
            cert.checkValidity(Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw invalid("certificate not valid now: " + e.getMessage());
        }
        PublicKey key = cert.getPublicKey();
        if (!isAcceptedKey(key)) {
            throw invalid("certificate key must be ECDSA P-256 or Ed25519, got " + key.getAlgorithm());
        }
        try {
            cert.verify(key);
        } catch (GeneralSecurityException e) {
            throw invalid("certificate is not self-signed by its key: " + e.getMessage());
        }
        Set<String> critical = cert.getCriticalExtensionOIDs();
        String oid = SignedKeyExtension.OID.getId();
        if (critical != null && !Set.of(oid).containsAll(critical)) {
            throw invalid("certificate has unknown critical extensions " + critical);
        }
        byte[] wrapped = cert.getExtensionValue(oid);
        if (wrapped == null) {
            throw invalid("certificate lacks the seqpool signed-key extension " + oid);
        }
        byte[] value;
        try {
            value = org.bouncycastle.asn1.ASN1OctetString.getInstance(wrapped).getOctets();
        } catch (IllegalArgumentException e) {
            throw invalid("signed-key extension value is not an OCTET STRING");
        }
        SignedKeyExtension ext = SignedKeyExtension.decode(value);
        Address claimed;
        try {
            claimed = Secp256k1.addressOf(ext.publicKey64());
        } catch (IllegalArgumentException e) {
            throw invalid("signed-key extension: public key is not a secp256k1 point");
        }
        if (!Secp256k1.verify(SignedKeyExtension.signedDigest(key.getEncoded()), ext.signature(), claimed)) {
            throw invalid("signed-key extension: signature of claimed signer " + claimed + " does not verify");
        }
        return claimed;
    }

    private static boolean isAcceptedKey(PublicKey key) {
        if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            return true;
        }
        return key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getOrder().equals(TlsIdentity.P256_ORDER);
    }

    private static PeerAuthenticationException invalid(String message) {
        return new PeerAuthenticationException(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, null, message);
    }
}
