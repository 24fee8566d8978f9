package seqpool.sequencer.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.pos.PosService;
import seqpool.api.sequencer.L2Block;
import seqpool.api.store.StoreException;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.sequencer.chain.BodyRule;
import seqpool.sequencer.chain.ChainParams;
import seqpool.sequencer.node.NodeSettings;
import seqpool.sequencer.testing.Blocks;
import seqpool.sequencer.testing.TestHub;
import seqpool.sequencer.wire.L2Codec;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.L2Message;
import seqpool.sequencer.wire.WireLimits;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * Sequencer hosts on one {@link TestHub}, each with its own in-memory store (kept across restarts) and a PoS service
 * chosen by the test. Real threads and clock, so waits are bounded polls.
 */
final class Cluster implements AutoCloseable {
    static final L2Codec CODEC = new L2Codec(WireLimits.DEFAULT);

    final TestHub hub = new TestHub();
    private final List<Member> members = new ArrayList<>();

    static final class Member {
        final String name;
        final LocalNodeSigner key;
        final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
        final PosService pos;
        final HostSettings settings;
        final List<Long> notified = new CopyOnWriteArrayList<>();
        volatile SequencerHost host;

        Member(String name, LocalNodeSigner key, PosService pos, HostSettings settings) {
            this.name = name;
            this.key = key;
            this.pos = pos;
            this.settings = settings;
        }

        Address address() {
            return key.address();
        }

        long head() {
            return host.headNumber();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static HostSettings settings(long blockTimeMs, long statusIntervalMs, int syncBatch, int maxFutureBlocks) {
        NodeSettings node = new NodeSettings(new ChainParams(Blocks.CHAIN_ID, 1, ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MS),
                BodyRule.EMPTY_BLOCKS, maxFutureBlocks, syncBatch, 2 * statusIntervalMs, WireLimits.DEFAULT);
        return new HostSettings(node, blockTimeMs, statusIntervalMs, HostSettings.MAX_QUEUED_MESSAGES);
    }

    Member add(String name, LocalNodeSigner key, PosService pos, HostSettings settings) throws StoreException {
        Member m = new Member(name, key, pos, settings);
        members.add(m);
        start(m);
        return m;
    }

    /** Starts (or restarts) the member's host on its store; subscribers record every head they are told of. */
    void start(Member m) throws StoreException {
        hub.setOnline(m.address(), true);
        SequencerHost h = new SequencerHost(m.settings, hub.join(m.address()), m.kv, m.key, m.pos,
                System::currentTimeMillis);
        h.subscribe(b -> m.notified.add(b.number()));
        m.host = h;
        h.start();
    }

    /** Stops the member's host and takes it off the network. */
    void stop(Member m) {
        m.host.close();
        hub.setOnline(m.address(), false);
    }

    /** Blocks genesis..upTo as the member holds them. */
    static List<L2Block> chain(Member m, long upTo) {
        List<L2Block> out = new ArrayList<>();
        for (long n = 1; n <= upTo; n++) {
            out.add(m.host.block(n).orElseThrow(() -> new AssertionError(m + " lacks a block")));
        }
        return out;
    }

    /** Fails unless each block's parent is the block before it (the first one's the zero hash). */
    static void assertLinked(List<L2Block> chain) {
        Hash32 parent = Hash32.ZERO;
        for (L2Block b : chain) {
            if (!b.parentHash().equals(parent)) {
                throw new AssertionError("block " + b.number() + " does not extend the block before it");
            }
            parent = b.hash();
        }
    }

    /** Every block broadcast as NewBlock, by sender: number → distinct hashes. */
    Map<Address, Map<Long, Set<Hash32>>> broadcastBlocks() {
        Map<Address, Map<Long, Set<Hash32>>> out = new HashMap<>();
        for (TestHub.Sent s : hub.sent()) {
            try {
                L2Message m = CODEC.decode(s.payload());
                if (m instanceof NewBlock nb) {
                    out.computeIfAbsent(s.from(), a -> new HashMap<>())
                            .computeIfAbsent(nb.block().number(), n -> new HashSet<>()).add(nb.block().hash());
                }
            } catch (MalformedMessageException e) {
                // a scripted peer's garbage
            }
        }
        return out;
    }

    /** Messages of a type sent by one member. */
    <T extends L2Message> List<T> sentBy(Member m, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TestHub.Sent s : hub.sent()) {
            if (s.from().equals(m.address())) {
                try {
                    L2Message msg = CODEC.decode(s.payload());
                    if (type.isInstance(msg)) {
                        out.add(type.cast(msg));
                    }
                } catch (MalformedMessageException e) {
                    throw new AssertionError("a sequencer sent a malformed message", e);
                }
            }
        }
        return out;
    }

    static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        for (Member m : members) {
            if (m.host != null) {
                m.host.close();
            }
        }
        hub.close();
    }
}
