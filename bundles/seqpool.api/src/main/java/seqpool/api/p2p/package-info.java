/**
 * The transport contract: authenticated, encrypted sessions between pool members, named channels, bounded
 * per-peer send queues and peer scoring. Peers are identified by the address of their secp256k1 signer key.
 */
@Export
@Version("1.0.0")
package seqpool.api.p2p;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
