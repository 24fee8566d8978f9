package seqpool.sequencer.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.pos.EpochMembers;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;

/**
 * A {@link PosService} whose committed assignments the test scripts: {@link #commit} adds one and tells the
 * subscribers on the caller's thread, as the PoS application does on its own. {@code assignmentFor} answers the latest
 * (epoch, revision) covering the block. Thread-safe.
 */
public final class ScriptedPos implements PosService {
    private final List<ProducerAssignment> committed = new CopyOnWriteArrayList<>();
    private final List<PosListener> listeners = new CopyOnWriteArrayList<>();

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
    public PoolStatus status() {
        return new PoolStatus(0, currentEpoch(), Optional.empty(), 0, Optional.empty(), List.of(), 0, 0);
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
