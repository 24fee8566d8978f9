package seqpool.p2p.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.crypto.Secp256k1;

class PeerCertificateVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final LocalNodeSigner signer = LocalNodeSigner.generate(RANDOM);
    private final PeerCertificateVerifier verifier = new PeerCertificateVerifier(Clock.systemUTC());

    @Test
    void acceptsABoundCertificateAndDerivesTheSignerAddress() throws Exception {
        TlsIdentity id = TlsIdentity.create(signer, Clock.systemUTC(), RANDOM);
        assertEquals(signer.address(), verifier.verify(new X509Certificate[] {id.certificate()}));
        assertEquals("TlsIdentity[" + signer.address() + ", key=<redacted>]", id.toString());
    }

    @Test
    void extensionHasTheDocumentedLayout() throws Exception {
        TlsIdentity id = TlsIdentity.create(signer, Clock.systemUTC(), RANDOM);
        X509Certificate cert = id.certificate();
        assertEquals(Set.of(SignedKeyExtension.OID.getId()), cert.getCriticalExtensionOIDs());
        byte[] value = ASN1OctetString.getInstance(cert.getExtensionValue(SignedKeyExtension.OID.getId())).getOctets();
        // 30 81 86 | 04 41 04‖x‖y | 04 41 r‖s‖v : SEQUENCE (134 bytes) of two 65-byte OCTET STRINGs, 137 bytes in all
        assertEquals(137, value.length);
        assertArrayEquals(new byte[] {0x30, (byte) 0x81, (byte) 134, 0x04, 65, 0x04}, java.util.Arrays.copyOfRange(value, 0, 6));
        assertArrayEquals(signer.publicKey().toArray(), java.util.Arrays.copyOfRange(value, 6, 70));
        assertArrayEquals(new byte[] {0x04, 65}, java.util.Arrays.copyOfRange(value, 70, 72));
        SignedKeyExtension ext = SignedKeyExtension.decode(value);
        // The signed message is "seqpool-tls-handshake:" ‖ SPKI DER, hashed with Keccak-256.
        byte[] message = concat("seqpool-tls-handshake:".getBytes(StandardCharsets.US_ASCII), cert.getPublicKey().getEncoded());
        assertTrue(Secp256k1.verify(Keccak.keccak256(seqpool.api.common.Bytes.wrap(message)), ext.signature(), signer.address()));
        assertArrayEquals(ext.signature().toBytes65().toArray(), java.util.Arrays.copyOfRange(value, 72, 137));
    }

    @Test
    void rejectsACertificateWithoutTheExtension() throws Exception {
        X509Certificate cert = TlsTestCertificates.withoutExtension(TlsTestCertificates.p256());
        PeerAuthenticationException e = assertThrows(PeerAuthenticationException.class, () -> verifier.verify(new X509Certificate[] {cert}));
        assertEquals(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, e.kind());
        assertTrue(e.getMessage().contains("lacks"), e.getMessage());
    }

    @Test
    void rejectsASignatureOverAnotherKey() throws Exception {
        X509Certificate cert = TlsTestCertificates.signedOverOtherKey(TlsTestCertificates.p256(), signer);
        PeerAuthenticationException e = assertThrows(PeerAuthenticationException.class, () -> verifier.verify(new X509Certificate[] {cert}));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
        assertFalse(e.peer().isPresent(), "an unproven claim names no peer");
    }

    @Test
    void rejectsExpiredAndNotYetValidCertificates() throws Exception {
        KeyPair pair = TlsTestCertificates.p256();
        X509Certificate cert = TlsTestCertificates.bound(pair, signer, Instant.now());
        Clock later = Clock.fixed(Instant.now().plus(TlsIdentity.VALIDITY).plus(Duration.ofDays(1)), ZoneOffset.UTC);
        Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertThrows(PeerAuthenticationException.class, () -> new PeerCertificateVerifier(later).verify(new X509Certificate[] {cert}));
        assertThrows(PeerAuthenticationException.class, () -> new PeerCertificateVerifier(earlier).verify(new X509Certificate[] {cert}));
    }

    @Test
    void rejectsChainsOfOtherLengths() throws Exception {
        X509Certificate cert = TlsIdentity.create(signer, Clock.systemUTC(), RANDOM).certificate();
        assertThrows(PeerAuthenticationException.class, () -> verifier.verify(new X509Certificate[] {cert, cert}));
        assertThrows(PeerAuthenticationException.class, () -> verifier.verify(new X509Certificate[0]));
    }

    @Test
    void rejectsMalformedExtensionValues() {
        assertThrows(PeerAuthenticationException.class, () -> SignedKeyExtension.decode(new byte[] {0x30, 0}));
        assertThrows(PeerAuthenticationException.class, () -> SignedKeyExtension.decode(new byte[] {1, 2, 3}));
    }

    @Test
    void trustManagerChecksExpectedAddressBanAndAuthorizer() throws Exception {
        X509Certificate[] chain = {TlsIdentity.create(signer, Clock.systemUTC(), RANDOM).certificate()};
        Address me = signer.address();
        Address other = LocalNodeSigner.generate(RANDOM).address();
        assertEquals(me, new IdentityTrustManager(verifier, a -> true, a -> false, Optional.of(me)).check(chain));
        assertKind(PeerAuthenticationException.Kind.UNEXPECTED_PEER, new IdentityTrustManager(verifier, a -> true, a -> false, Optional.of(other)), chain);
        assertKind(PeerAuthenticationException.Kind.UNAUTHORIZED, new IdentityTrustManager(verifier, other::equals, a -> false, Optional.empty()), chain);
        assertKind(PeerAuthenticationException.Kind.BANNED, new IdentityTrustManager(verifier, a -> true, me::equals, Optional.empty()), chain);
        assertKind(PeerAuthenticationException.Kind.UNAUTHORIZED, new IdentityTrustManager(verifier, a -> {
            throw new IllegalStateException("registry down");
        }, a -> false, Optional.empty()), chain);
    }

    private static void assertKind(PeerAuthenticationException.Kind kind, IdentityTrustManager tm, X509Certificate[] chain) {
        PeerAuthenticationException e = assertThrows(PeerAuthenticationException.class, () -> tm.checkClientTrusted(chain, "EC"));
        assertEquals(kind, e.kind());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
