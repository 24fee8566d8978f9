/**
 * The node's identity: its secp256k1 signer key, registered on L1 when its operator locks stake. It authenticates p2p
 * sessions and signs consensus proposals and votes (EIP-712, DESIGN.md §4).
 */
@Export
@Version("1.0.0")
package seqpool.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
