package seqpool.api.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Produces L2 blocks while this node holds the committed assignment, and stops the moment it no longer does (rotation or
 * the end of its range). Status only: production is driven by assignments from the PoS service.
 */
@ProviderType
public interface BlockProducer {
    boolean isProducing();

    /** The last block number this node may produce under its current assignment, or -1. */
    long producingUntil();
}
