package seqpool.api.p2p;

import org.osgi.annotation.versioning.ProviderType;

/** A channel subscription; closing it is idempotent. */
@ProviderType
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
