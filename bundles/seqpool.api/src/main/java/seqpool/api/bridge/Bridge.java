package seqpool.api.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The bridge's Listener: follows the L1 contracts with N confirmations and records their events in the store. Its
 * cursor is durable, so a restarted or upgraded bridge resumes where it stopped without skipping or repeating events.
 * An event enters the record only once its block has N confirmations, so an event from a block reorganised away
 * before that is never reported. Thread-safe; never blocks on L1 (reads come from the store).
 */
@ProviderType
public interface Bridge {
    /** The newest L1 block whose events are recorded (head minus confirmations when caught up). */
    long confirmedL1Block();

    /** Confirmed events with {@code fromL1Block <= l1Block <= toL1Block}, in L1 order. */
    List<L1Event> events(long fromL1Block, long toL1Block);

    /**
     * Up to {@code max} confirmed events strictly after position ({@code l1Block}, {@code logIndex}) in L1 order
     * ({@code logIndex} -1: from the start of {@code l1Block}).
     */
    List<L1Event> eventsAfter(long l1Block, int logIndex, int max);

    /** Delivers events from {@code fromL1Block} on, first the past ones, then new ones as they are confirmed. */
    AutoCloseable subscribe(long fromL1Block, L1EventListener listener);

    /** Where the listener stands: L1 head, confirmed cursor, confirmations, and the last RPC error if L1 is failing. */
    BridgeStatus status();
}
