package seqpool.api.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bridge: follows L1 with N confirmations and reports events. Its cursor is durable (store), so a restarted or
 * upgraded bridge resumes where it stopped without skipping or repeating events. Thread-safe.
 */
@ProviderType
public interface Bridge {
    /** The newest L1 block the bridge considers final (head minus confirmations). */
    long confirmedL1Block();

    /** Confirmed events with {@code fromL1Block <= l1Block <= toL1Block}, in L1 order. */
    List<L1Event> events(long fromL1Block, long toL1Block);

    /** Delivers events from {@code fromL1Block} on, first the past ones, then new ones as they are confirmed. */
    AutoCloseable subscribe(long fromL1Block, L1EventListener listener);
}
