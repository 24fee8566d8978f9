package seqpool.api.identity;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * Signs with the node's secp256k1 signer key. The key never leaves the implementation. Thread-safe.
 *
 * <p>Security: callers sign only digests they computed themselves from typed data (EIP-712 for votes); the signer does
 * not hash again. Signatures are deterministic (RFC 6979) and low-s.
 */
@ProviderType
public interface NodeSigner {
    Address address();

    /** The uncompressed public key without the 0x04 prefix: x ‖ y, 64 bytes. */
    Bytes publicKey();

    EcdsaSignature sign(Hash32 digest);
}
