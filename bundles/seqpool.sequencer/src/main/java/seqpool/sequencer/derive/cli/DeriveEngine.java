package seqpool.sequencer.derive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import seqpool.api.sequencer.ExecutionEngine;
import seqpool.api.sequencer.ExecutionException;
import seqpool.api.store.StoreException;
import seqpool.sequencer.embedded.EmbeddedConfig;
import seqpool.sequencer.embedded.EmbeddedEngine;
import seqpool.sequencer.evm.AnvilEngine;
import seqpool.sequencer.evm.AnvilSettings;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * A fresh execution engine with the node's genesis, for one derivation: {@code embedded} over an in-memory store,
 * {@code evm} as a new anvil (its log in a temporary directory, removed on close) started exactly as a node starts
 * its own ({@link AnvilSettings#of}); {@code none} re-executes nothing. Closed after use.
 */
final class DeriveEngine implements AutoCloseable {
    private final Optional<ExecutionEngine> engine;
    private final AutoCloseable closer;

    private DeriveEngine(Optional<ExecutionEngine> engine, AutoCloseable closer) {
        this.engine = engine;
        this.closer = closer;
    }

    Optional<ExecutionEngine> engine() {
        return engine;
    }

    static DeriveEngine start(DeriveSettings s) throws ExecutionException {
        switch (s.engine()) {
            case "none":
                return new DeriveEngine(Optional.empty(), () -> { });
            case "embedded": {
                InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
                try {
                    EmbeddedEngine e = EmbeddedEngine.open(kv, EmbeddedConfig.pool(s.l2ChainId(), s.firstL2Block()));
                    return new DeriveEngine(Optional.of(e), kv::close);
                } catch (StoreException e) {
                    kv.close();
                    throw new ExecutionException("cannot open the embedded engine: " + e.getMessage(), e);
                }
            }
            case "evm": {
                Path binary = s.anvil().orElseThrow(() -> new ExecutionException("the evm engine needs anvil: "
                        + "--anvil, sequencer.anvilBinary in --config, or SEQPOOL_ANVIL"));
                Path dir;
                try {
                    dir = Files.createTempDirectory("seqpool-derive-");
                } catch (IOException e) {
                    throw new ExecutionException("cannot create a temporary directory: " + e.getMessage(), e);
                }
                AnvilEngine e = AnvilEngine.start(AnvilSettings.of(binary, dir.resolve("l2-anvil.log"),
                        s.l2ChainId(), s.genesisTimestamp()).withFirstBlock(s.firstL2Block()));
                return new DeriveEngine(Optional.of(e), () -> {
                    e.close();
                    delete(dir);
                });
            }
            default:
                throw new ExecutionException("unknown engine " + s.engine() + " (embedded, evm or none)");
        }
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // a temporary engine that does not close cleanly leaves nothing the user needs
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
