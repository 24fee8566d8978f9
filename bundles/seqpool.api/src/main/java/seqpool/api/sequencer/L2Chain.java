package seqpool.api.sequencer;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** The node's copy of the L2 chain: validated blocks, in order. Thread-safe. */
@ProviderType
public interface L2Chain {
    long headNumber();

    Optional<L2Block> block(long number);

    /** Told of every new head block in order, on the sequencer thread (must not block). */
    AutoCloseable subscribe(Consumer<L2Block> listener);
}
