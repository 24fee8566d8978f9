package seqpool.p2p.tls;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;

import seqpool.api.identity.NodeSigner;

/** Test fixture: certificates that break one rule each. Test code only. */
public final class TlsTestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsTestCertificates() {
    }

    public static KeyPair p256() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return gen.generateKeyPair();
    }

    /** A self-signed certificate without the signed-key extension. */
    public static X509Certificate withoutExtension(KeyPair pair) throws Exception {
        return TlsIdentity.selfSigned(pair, null, Instant.now(), RANDOM);
    }

    /** A certificate whose extension the signer made over another key's SubjectPublicKeyInfo. */
    public static X509Certificate signedOverOtherKey(KeyPair pair, NodeSigner signer) throws Exception {
        byte[] otherSpki = p256().getPublic().getEncoded();
        SignedKeyExtension ext = new SignedKeyExtension(signer.publicKey(), signer.sign(SignedKeyExtension.signedDigest(otherSpki)));
        return TlsIdentity.selfSigned(pair, ext, Instant.now(), RANDOM);
    }

    /** A correctly bound certificate, issued at {@code now}. */
    public static X509Certificate bound(KeyPair pair, NodeSigner signer, Instant now) throws Exception {
        SignedKeyExtension ext = new SignedKeyExtension(signer.publicKey(),
                signer.sign(SignedKeyExtension.signedDigest(pair.getPublic().getEncoded())));
        return TlsIdentity.selfSigned(pair, ext, now, RANDOM);
    }
}
