/**
 * secp256k1 on BouncyCastle, in one place: ECDSA in Ethereum form ({@link seqpool.codec.crypto.Secp256k1}:
 * deterministic RFC 6979 nonces, low-s, recovery id) and Keccak-256, used for the node's signer key (p2p session
 * binding and EIP-712 consensus votes); and the prime-order group for FROST and VSS
 * ({@link seqpool.codec.crypto.Secp256k1Group}: multiplications, constant-time secret multiplication, RFC 9591 element
 * and scalar encodings, random scalars).
 */
@Export
@Version("1.1.0")
package seqpool.codec.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
