package seqpool.sequencer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.sequencer.testing.Keys;
import seqpool.sequencer.testing.ScriptedPos;
import seqpool.sequencer.testing.TestHub;
import seqpool.store.memory.InMemoryKeyValueStore;

/** The DS component outside a framework: its configuration, what it provides, activate and deactivate. */
class SequencerComponentTest {
    static SequencerConfig config(long chainId, long blockTimeMs, long genesis, int maxFuture, int syncBatch) {
        return new SequencerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SequencerConfig.class;
            }

            @Override
            public long chainId() {
                return chainId;
            }

            @Override
            public long blockTimeMs() {
                return blockTimeMs;
            }

            @Override
            public long genesisL2Block() {
                return genesis;
            }

            @Override
            public int maxFutureBlocks() {
                return maxFuture;
            }

            @Override
            public int syncBatch() {
                return syncBatch;
            }

            @Override
            public String engine() {
                return "none";
            }

            @Override
            public String anvilBinary() {
                return "";
            }

            @Override
            public String dataDir() {
                return "";
            }

            @Override
            public long genesisTimestamp() {
                return 1_700_000_000L;
            }

            @Override
            public int maxBlockTxs() {
                return 5000;
            }
        };
    }

    static final SequencerConfig DEFAULTS = config(901, 1000, 1, 256, 64);

    @Test
    void defaultsAreValid() {
        HostSettings s = HostSettings.from(DEFAULTS);
        assertEquals(901, s.node().chain().chainId());
        assertEquals(1000, s.blockTimeMs());
        assertEquals(1, s.node().chain().genesisL2Block());
        assertEquals(256, s.node().maxFutureBlocks());
        assertEquals(64, s.node().syncBatch());
        assertEquals(1000, s.statusIntervalMs(), "heads are announced every second");
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        List<SequencerConfig> bad = List.of(config(0, 1000, 1, 256, 64), config(901, 10, 1, 256, 64),
                config(901, 1000, 0, 256, 64), config(901, 1000, 1, 0, 64), config(901, 1000, 1, 256, 0),
                config(901, 1000, 1, 256, 5000));
        List<String> keys = List.of("chainId", "blockTimeMs", "genesisL2Block", "maxFutureBlocks", "syncBatch",
                "syncBatch");
        for (int i = 0; i < bad.size(); i++) {
            SequencerConfig c = bad.get(i);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostSettings.from(c));
            assertTrue(e.getMessage().contains(keys.get(i)), e.getMessage());
        }
    }

    @Test
    void activateProducesAndDeactivateStops() throws Exception {
        LocalNodeSigner key = Keys.node(1);
        ScriptedPos pos = new ScriptedPos().commit(ScriptedPos.assign(1, 0, 5, 1_000, key.address()));
        try (TestHub hub = new TestHub()) {
            SequencerComponent c = new SequencerComponent(null, config(901, 50, 5, 16, 8), hub.join(key.address()),
                    new InMemoryKeyValueStore(), key, pos);
            List<Long> heads = new CopyOnWriteArrayList<>();
            c.subscribe(b -> heads.add(b.number()));
            assertEquals(4, c.headNumber(), "before the first block: genesisL2Block - 1");
            Cluster.await("produced", 10_000, () -> c.headNumber() >= 7);
            assertTrue(c.isProducing());
            assertEquals(1_000, c.producingUntil());
            assertEquals(5, c.block(5).orElseThrow().number());
            c.deactivate();
            long stoppedAt = c.headNumber();
            Thread.sleep(300);
            assertEquals(stoppedAt, c.headNumber(), "no block after deactivate");
            assertTrue(!c.isProducing() && c.producingUntil() == -1);
            assertEquals(5, (long) heads.get(0));
        }
    }
}
