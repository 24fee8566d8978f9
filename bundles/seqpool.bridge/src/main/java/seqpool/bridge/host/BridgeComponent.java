package seqpool.bridge.host;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import seqpool.api.bridge.Bridge;
import seqpool.api.bridge.BridgeStatus;
import seqpool.api.bridge.L1Event;
import seqpool.api.bridge.L1EventListener;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.bridge.l1.Web3jL1Chain;

/**
 * Registers the {@link Bridge} once {@code seqpool.bridge} is configured. Activation reads the addresses file and
 * opens the record; it does not need L1 (an unreachable L1 shows in {@link #status()} and is retried). A bad
 * configuration or an unusable store fails activation with the reason in the log. Deactivation stops the
 * {@code seqpool-bridge} thread, then the web3j client.
 */
@Component(service = Bridge.class, configurationPid = "seqpool.bridge",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BridgeConfig.class)
public final class BridgeComponent implements Bridge {
    private static final System.Logger LOG = System.getLogger(BridgeComponent.class.getName());

    private final ScheduledExecutorService web3jExecutor;
    private final Web3j web3j;
    private final BridgeService service;

    @Activate
    public BridgeComponent(BridgeConfig config, @Reference KeyValueStore store) throws IOException, StoreException {
        BridgeSettings settings;
        try {
            settings = BridgeSettings.from(config);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "bridge not started, bad configuration: {0}", e.getMessage());
            throw e;
        }
        web3jExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-bridge-web3j");
            t.setDaemon(true);
            return t;
        });
        web3j = Web3j.build(new HttpService(settings.rpcUrl()), settings.pollMs(), web3jExecutor);
        try {
            service = BridgeService.start(settings, store, new Web3jL1Chain(web3j));
        } catch (StoreException | RuntimeException e) {
            web3j.shutdown();
            LOG.log(Level.ERROR, "bridge not started: {0}", e.getMessage());
            throw e;
        }
    }

    /** Stops the thread, then the web3j client. Called by SCR (public for tests that run the component directly). */
    @Deactivate
    public void deactivate() {
        try {
            service.close();
        } finally {
            web3j.shutdown();
            web3jExecutor.shutdownNow();
        }
    }

    @Override
    public long confirmedL1Block() {
        return service.confirmedL1Block();
    }

    @Override
    public List<L1Event> events(long fromL1Block, long toL1Block) {
        return service.events(fromL1Block, toL1Block);
    }

    @Override
    public List<L1Event> eventsAfter(long l1Block, int logIndex, int max) {
        return service.eventsAfter(l1Block, logIndex, max);
    }

    @Override
    public AutoCloseable subscribe(long fromL1Block, L1EventListener listener) {
        return service.subscribe(fromL1Block, listener);
    }

    @Override
    public BridgeStatus status() {
        return service.status();
    }

    /** Whether the {@code seqpool-bridge} thread runs. */
    public boolean running() {
        return service.running();
    }
}
