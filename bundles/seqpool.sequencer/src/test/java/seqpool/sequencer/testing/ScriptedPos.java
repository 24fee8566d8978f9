package seqpool.sequencer.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.pos.EpochMembers;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;

/**
 * A {@link PosService} whose committed assignments the test scripts: {@link #commit} adds one and tells the
 * subscribers on the caller's thread, as the PoS application does on its own. {@code assignmentFor} answers the latest
 * (epoch, revision) covering the block. The forced-inclusion queue is off until {@link #enableForced}; then the test
 * commits L2 progress ({@link #commitL2Head}) and messages ({@link #enqueueForced}, due at the committed head + N), as
 * the PoS application does. Thread-safe.
 */
public final class ScriptedPos implements PosService {
    private final List<ProducerAssignment> committed = new CopyOnWriteArrayList<>();
    private final List<PosListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ForcedMessage> forced = new java.util.ArrayList<>();
    private long forcedBlocks;
    private long l2Head;
    private long includedCount;

    public static ProducerAssignment assign(long epoch, int revision, long first, long last, Address producer) {
        return new ProducerAssignment(epoch, revision, first, last, producer, Hash32.ZERO);
    }

    public ScriptedPos commit(ProducerAssignment a) {
        committed.add(a);
        listeners.forEach(l -> l.onAssignment(a));
        return this;
    }

    @Override
    public Optional<ProducerAssignment> assignmentFor(long l2Block) {
        return committed.stream().filter(a -> a.covers(l2Block))
                .max(Comparator.comparingLong(ProducerAssignment::epoch).thenComparingInt(ProducerAssignment::revision));
    }

    @Override
    public long currentEpoch() {
        return committed.stream().mapToLong(ProducerAssignment::epoch).max().orElse(0);
    }

    @Override
    public EpochMembers members(long epoch) {
        return new EpochMembers(epoch, List.of());
    }

    @Override
    public List<ProducerAssignment> assignments(long epoch) {
        return committed.stream().filter(a -> a.epoch() == epoch).toList();
    }

    @Override
    public List<PosTask> openTasks() {
        return List.of();
    }

    @Override
    public synchronized PoolStatus status() {
        return new PoolStatus(0, currentEpoch(), Optional.empty(), l2Head, Optional.empty(), List.of(), 0, 0);
    }

    /** Forced inclusion on, with deadline N. */
    public synchronized ScriptedPos enableForced(long n) {
        forcedBlocks = n;
        return this;
    }

    /** Committed L2 progress up to {@code head}; the messages below {@code forcedCursor} count as included. */
    public synchronized ScriptedPos commitL2Head(long head, long forcedCursor) {
        l2Head = Math.max(l2Head, head);
        includedCount = Math.max(includedCount, Math.min(forcedCursor, forced.size()));
        return this;
    }

    public synchronized long committedL2Head() {
        return l2Head;
    }

    /** Commits the next forced message: due at the committed L2 head + N. Returns its index. */
    public synchronized long enqueueForced(seqpool.api.common.Bytes tx) {
        long index = forced.size();
        forced.add(new ForcedMessage(index, 100 + index, Hash32.ZERO, tx, l2Head + forcedBlocks, false));
        return index;
    }

    @Override
    public synchronized ForcedQueue forcedMessages(long fromIndex) {
        if (forcedBlocks == 0) {
            return ForcedQueue.disabled(l2Head);
        }
        List<ForcedMessage> out = new java.util.ArrayList<>();
        for (long i = Math.max(0, fromIndex); i < forced.size() && out.size() < MAX_FORCED_MESSAGES; i++) {
            ForcedMessage m = forced.get((int) i);
            out.add(new ForcedMessage(m.index(), m.l1Block(), m.l1TxHash(), m.transaction(), m.dueL2Block(),
                    i < includedCount));
        }
        return new ForcedQueue(forcedBlocks, l2Head, forced.size(), includedCount, out);
    }

    @Override
    public void proposeRotation(Address stalledProducer, long fromL2Block) {
        throw new UnsupportedOperationException("the test scripts rotations");
    }

    @Override
    public AutoCloseable subscribe(PosListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
