package seqpool.api.p2p;

import org.osgi.annotation.versioning.ConsumerType;

import seqpool.api.common.Address;

/**
 * Decides whether an authenticated signer address may hold a session: the registry of sequencers on L1 (or, before L1
 * is known, the operator's static peer list). Called during the handshake; must be fast and thread-safe.
 */
@ConsumerType
@FunctionalInterface
public interface PeerAuthorizer {
    boolean isAuthorized(Address signer);
}
