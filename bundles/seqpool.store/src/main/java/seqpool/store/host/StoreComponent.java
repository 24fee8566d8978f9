package seqpool.store.host;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.common.Bytes;
import seqpool.api.store.Database;
import seqpool.api.store.DatabaseName;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.ReadSnapshot;
import seqpool.api.store.StoreException;
import seqpool.api.store.StoreStats;
import seqpool.api.store.WriteBatch;
import seqpool.store.lmdb.LmdbKeyValueStore;
import seqpool.store.lmdb.LmdbStoreConfig;

/**
 * Registers the LMDB store as the node's {@link KeyValueStore} once {@code seqpool.store} is configured. Activation
 * opens the environment (a bad path, a locked directory or bad settings fail activation with a message naming the
 * setting; the service is then not registered); deactivation, e.g. on a configuration change, closes it.
 */
@Component(configurationPid = "seqpool.store", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = KeyValueStore.class)
@Designate(ocd = StoreConfig.class)
public final class StoreComponent implements KeyValueStore {
    private static final System.Logger LOG = System.getLogger(StoreComponent.class.getName());

    private final LmdbKeyValueStore store;

    @Activate
    public StoreComponent(StoreConfig config) throws StoreException {
        try {
            if (config.path() == null || config.path().isBlank()) {
                throw new IllegalArgumentException("store.path is required");
            }
            this.store = LmdbKeyValueStore.open(
                    LmdbStoreConfig.ofMegabytes(Path.of(config.path()), config.mapSizeMb(), config.maxDatabases()));
        } catch (IllegalArgumentException e) {
            // DEBUG: Declarative Services reports the failed activation (the node names it in its start-up line)
            LOG.log(Level.DEBUG, "store not started, bad configuration: {0}", e.getMessage());
            throw new StoreException("bad seqpool.store configuration: " + e.getMessage(), e);
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, "store not started: {0}", e.getMessage());
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public Database database(DatabaseName name) throws StoreException {
        return store.database(name);
    }

    @Override
    public Set<DatabaseName> databases() throws StoreException {
        return store.databases();
    }

    @Override
    public WriteBatch newBatch() {
        return store.newBatch();
    }

    @Override
    public void commit(WriteBatch batch) throws StoreException {
        store.commit(batch);
    }

    @Override
    public ReadSnapshot snapshot() throws StoreException {
        return store.snapshot();
    }

    @Override
    public Optional<Bytes> get(Database db, Bytes key) throws StoreException {
        return store.get(db, key);
    }

    @Override
    public StoreStats stats() throws StoreException {
        return store.stats();
    }
}
