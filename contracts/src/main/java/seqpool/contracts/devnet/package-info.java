/**
 * The L1 side of a local devnet: anvil's well-known test accounts, deployment, stake for each node's operator, gas
 * for each node's signer, and the admin's governance steps (registering the pool key). Development tooling only: it
 * uses public test keys.
 */
@Export
@Version("1.0.0")
package seqpool.contracts.devnet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
