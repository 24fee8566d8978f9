package seqpool.api.sequencer;

import java.util.List;
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

    /**
     * Equivocation evidence this node holds (since 2.1): pairs of different blocks of one number signed by one producer,
     * which the PoS proposer turns into a slashing transaction. Empty when the implementation keeps none.
     */
    default List<L2Equivocation> equivocations() {
        return List.of();
    }
}
