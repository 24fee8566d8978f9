/**
 * secp256k1 ECDSA in Ethereum form (deterministic RFC 6979 nonces, low-s, recovery id) and Keccak-256, on BouncyCastle.
 * Used for the node's signer key: p2p session binding and EIP-712 consensus votes.
 */
@Export
@Version("1.0.0")
package seqpool.codec.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
