package seqpool.bridge.host;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.bridge.L1Event;
import seqpool.api.bridge.L1EventListener;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.bridge.follow.Cursor;
import seqpool.bridge.follow.Follower;
import seqpool.bridge.follow.L1Chain;
import seqpool.bridge.follow.Subscriptions;
import seqpool.bridge.l1.FollowedContracts;
import seqpool.bridge.l1.RetryingL1Chain;
import seqpool.bridge.record.BridgeRecord;

/**
 * The bridge assembled: record, retrying L1 client, follower, subscriptions and the {@code seqpool-bridge} thread.
 * Reads ({@link #events}, {@link #eventsAfter}, {@link #confirmedL1Block}, {@link #status}) come from the store and
 * never wait for L1. A store that cannot be read surfaces as {@link IllegalStateException} (the {@link Bridge}
 * contract has no checked exceptions). Thread-safe.
 */
public final class BridgeService implements Bridge, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BridgeService.class.getName());
    private static final int DELIVERY_BATCH = 512;
    private static final long STOP_TIMEOUT_MS = 15_000;

    private final BridgeRecord record;
    private final Follower follower;
    private final RetryingL1Chain l1;
    private final Subscriptions subscriptions;
    private final BridgeLoop loop;
    private final int confirmations;
    private final long startBlock;
    private volatile boolean closed;

    private BridgeService(BridgeRecord record, Follower follower, RetryingL1Chain l1, Subscriptions subscriptions,
            BridgeLoop loop, int confirmations, long startBlock) {
        this.record = record;
        this.follower = follower;
        this.l1 = l1;
        this.subscriptions = subscriptions;
        this.loop = loop;
        this.confirmations = confirmations;
        this.startBlock = startBlock;
    }

    /** Opens the record (migrating its schema), checks it belongs to this deployment, and starts the thread. */
    public static BridgeService start(BridgeSettings settings, KeyValueStore store, L1Chain plainChain)
            throws StoreException {
        Objects.requireNonNull(settings, "settings");
        BridgeRecord record = BridgeRecord.open(store);
        FollowedContracts followed = FollowedContracts.of(settings.contracts());
        RetryingL1Chain l1 = new RetryingL1Chain(plainChain, settings.rpcUrl(), settings.backoff());
        Follower follower = new Follower(l1, record, settings.plan(followed));
        record.bindSource(followed.source()).ifPresent(follower::halt);
        Wakeup wakeup = new Wakeup();
        Subscriptions subscriptions = new Subscriptions(record, wakeup::wake, DELIVERY_BATCH);
        BridgeLoop loop = new BridgeLoop(follower, subscriptions, l1, settings.pollMs(), settings.backoff(), wakeup,
                System::currentTimeMillis);
        BridgeService service = new BridgeService(record, follower, l1, subscriptions, loop,
                settings.confirmations(), settings.startBlock());
        loop.start();
        LOG.log(Level.INFO, "bridge following {0} on {1} from L1 block {2} with {3} confirmations",
                followed.source(), l1.url(), String.valueOf(service.confirmedL1Block() + 1),
                String.valueOf(settings.confirmations()));
        return service;
    }

    @Override
    public long confirmedL1Block() {
        try {
            return record.cursor().map(Cursor::block).orElse(startBlock - 1);
        } catch (StoreException e) {
            throw unreadable(e);
        }
    }

    @Override
    public List<L1Event> events(long fromL1Block, long toL1Block) {
        try {
            return record.events(fromL1Block, toL1Block);
        } catch (StoreException e) {
            throw unreadable(e);
        }
    }

    @Override
    public List<L1Event> eventsAfter(long l1Block, int logIndex, int max) {
        try {
            return record.eventsAfter(l1Block, logIndex, max);
        } catch (StoreException e) {
            throw unreadable(e);
        }
    }

    @Override
    public AutoCloseable subscribe(long fromL1Block, L1EventListener listener) {
        if (closed) {
            throw new IllegalStateException("the bridge is stopped");
        }
        return subscriptions.add(fromL1Block, listener);
    }

    @Override
    public BridgeStatus status() {
        Optional<String> halt = follower.haltReason();
        String error;
        long at;
        if (halt.isPresent()) {
            error = halt.get();
            at = loop.haltedAtMillis();
        } else if (!l1.lastError().isEmpty()) {
            error = l1.lastError();
            at = l1.lastErrorAtMillis();
        } else {
            error = loop.problem();
            at = error.isEmpty() ? 0 : loop.problemAtMillis();
        }
        return new BridgeStatus(follower.lastHead(), confirmedL1Block(), confirmations, error, at);
    }

    /** Whether the {@code seqpool-bridge} thread runs (for tests and health checks). */
    public boolean running() {
        return loop.alive();
    }

    /** Stops the thread (waiting for an open L1 request at most ~15 s) and ends every subscription. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!loop.stop(STOP_TIMEOUT_MS)) {
                LOG.log(Level.WARNING, "bridge thread still busy after {0} ms (an L1 request is open); it ends"
                        + " when the request does", String.valueOf(STOP_TIMEOUT_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscriptions.closeAll();
        }
    }

    private static IllegalStateException unreadable(StoreException e) {
        return new IllegalStateException("bridge record unreadable: " + e.getMessage(), e);
    }
}
