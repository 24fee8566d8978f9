package seqpool.p2p.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import seqpool.api.common.Address;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;

/**
 * This node's TLS identity: a fresh ECDSA P-256 key pair and a self-signed certificate carrying the
 * {@link SignedKeyExtension} signed by the node's secp256k1 signer. Made once per transport start; never stored.
 *
 * <p>Security: holds the TLS private key (ephemeral, not the signer key). {@link #toString()} is redacted;
 * {@link #destroy()} drops the key reference (the JDK cannot wipe EC keys in place).
 */
public final class TlsIdentity {
    /** The order of the NIST P-256 group, to recognise P-256 keys. */
    static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    /** How long a certificate is valid; a node restart makes a new one. */
    public static final Duration VALIDITY = Duration.ofDays(365);

    private final Address address;
    private final X509Certificate certificate;
    private volatile PrivateKey privateKey;

    private TlsIdentity(Address address, X509Certificate certificate, PrivateKey privateKey) {
        this.address = address;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** Generates a key pair and a certificate bound to {@code signer}. */
    public static TlsIdentity create(NodeSigner signer, Clock clock, SecureRandom random) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = gen.generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            EcdsaSignature sig = signer.sign(SignedKeyExtension.signedDigest(spki));
            SignedKeyExtension ext = new SignedKeyExtension(signer.publicKey(), sig);
            return new TlsIdentity(signer.address(), selfSigned(pair, ext, clock.instant(), random), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create the TLS certificate", e);
        }
    }

    /** A self-signed certificate for {@code pair} with the given extension, or none if {@code ext} is null. */
    static X509Certificate selfSigned(KeyPair pair, SignedKeyExtension ext, Instant now, SecureRandom random)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        X500Name name = new X500Name("CN=seqpool");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        if (ext != null) {
            builder.addExtension(SignedKeyExtension.OID, true, ext.encode());
        }
        var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    public Address address() {
        return address;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        PrivateKey k = privateKey;
        if (k == null) {
            throw new IllegalStateException("TLS identity destroyed");
        }
        return k;
    }

    public void destroy() {
        privateKey = null;
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + address + ", key=<redacted>]";
    }
}
