package seqpool.p2p.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.Keccak;

/**
 * The certificate extension that binds a TLS key to a signer key:
 *
 * <pre>
 * SignedKey ::= SEQUENCE {
 *     publicKey OCTET STRING,  -- 65 bytes: 0x04 ‖ x ‖ y, the signer's secp256k1 public key (SEC 1 uncompressed)
 *     signature OCTET STRING   -- 65 bytes: r ‖ s ‖ v, low-s, v ∈ {27, 28}
 * }
 * </pre>
 *
 * under OID {@link #OID} (a UUID arc, ITU-T X.667), marked critical. The signature is over the Keccak-256 digest of
 * {@code "seqpool-tls-handshake:" ‖ DER(SubjectPublicKeyInfo of the certificate)}. Immutable.
 */
public record SignedKeyExtension(Bytes publicKey64, EcdsaSignature signature) {
    /** 2.25.{UUID a1788b5b-ee9e-461f-ae75-2848e6870990}.1 */
    public static final ASN1ObjectIdentifier OID =
            new ASN1ObjectIdentifier("2.25.214631609482942105000233349099777624464.1");
    /** The domain-separation prefix of the signed message. */
    public static final byte[] DOMAIN_PREFIX = "seqpool-tls-handshake:".getBytes(StandardCharsets.US_ASCII);

    public SignedKeyExtension {
        if (publicKey64 == null || publicKey64.size() != 64 || signature == null) {
            throw new IllegalArgumentException("a signed key is a 64-byte public key (x ‖ y) and a signature");
        }
    }

    /** The digest the signer key signs: Keccak-256("seqpool-tls-handshake:" ‖ spkiDer). */
    public static Hash32 signedDigest(byte[] subjectPublicKeyInfoDer) {
        return new Hash32(Bytes.wrap(Keccak.digest(DOMAIN_PREFIX, subjectPublicKeyInfoDer)));
    }

    /** DER of the SignedKey sequence (the extension's value). */
    public byte[] encode() {
        byte[] sec1 = new byte[65];
        sec1[0] = 4;
        System.arraycopy(publicKey64.toArray(), 0, sec1, 1, 64);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DEROctetString(sec1));
        v.add(new DEROctetString(signature.toBytes65().toArray()));
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    /**
     * Parses the extension's value (DER of SignedKey). Checks the layout only; {@link PeerCertificateVerifier} checks
     * the point and the signature.
     */
    public static SignedKeyExtension decode(byte[] der) throws PeerAuthenticationException {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (seq.size() != 2 || !java.util.Arrays.equals(p.getEncoded(ASN1Encoding.DER), der)) {
                throw new PeerAuthenticationException(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, null,
                        "signed-key extension is not a DER SEQUENCE of two OCTET STRINGs");
            }
            byte[] key = ASN1OctetString.getInstance(seq.getObjectAt(0)).getOctets();
            byte[] sig = ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets();
            if (key.length != 65 || key[0] != 4) {
                throw new PeerAuthenticationException(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, null,
                        "signed-key extension: public key is not a 65-byte uncompressed SEC 1 point");
            }
            if (sig.length != 65) {
                throw new PeerAuthenticationException(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, null,
                        "signed-key extension: signature is not 65 bytes");
            }
            return new SignedKeyExtension(Bytes.wrap(java.util.Arrays.copyOfRange(key, 1, 65)),
                    EcdsaSignature.fromBytes65(Bytes.wrap(sig)));
        } catch (IOException | IllegalArgumentException e) {
            throw new PeerAuthenticationException(PeerAuthenticationException.Kind.INVALID_CERTIFICATE, null,
                    "signed-key extension cannot be parsed: " + e.getMessage());
        }
    }
}
