/**
 * Binding TLS 1.3 sessions to the node's secp256k1 signer key, after libp2p's TLS handshake: an ephemeral self-signed
 * ECDSA P-256 certificate carries an extension with the signer's public key and its signature over
 * {@code "seqpool-tls-handshake:" ‖ SubjectPublicKeyInfo}. Each side's trust manager verifies the extension, derives the
 * peer's address and asks the authorizer. No I/O; BouncyCastle builds the certificate and the JDK verifies it.
 */
package seqpool.p2p.tls;
