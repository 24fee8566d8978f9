package seqpool.api.store;

import org.osgi.annotation.versioning.ProviderType;

/** A handle to one named database of a {@link KeyValueStore}. Immutable and thread-safe. */
@ProviderType
public interface Database {
    DatabaseName name();
}
