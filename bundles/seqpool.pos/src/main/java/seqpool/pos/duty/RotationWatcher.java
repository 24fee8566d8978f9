package seqpool.pos.duty;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import seqpool.api.common.Address;
import seqpool.api.pos.MemberStatus;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosService;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Chain;

/**
 * Watches the assigned producer from this node: when this node's L2 head has not moved for {@code producerTimeout}
 * while the producer still owes the next block, it votes once (per assignment revision) to rotate the producer out.
 * The pool decides with more than 2/3 of the voting power, so one node's impatience rotates nobody.
 */
public final class RotationWatcher {
    private final PosService pos;
    private final Supplier<Optional<L2Chain>> l2;
    private final Address self;
    private final long timeoutMs;
    private final LongSupplier clock;
    private String watched = "";
    private long lastChangeMs;
    private String votedFor = "";
    private long votedAtMs;

    public RotationWatcher(PosService pos, Supplier<Optional<L2Chain>> l2, Address self, long timeoutMs,
            LongSupplier clock) {
        this.pos = pos;
        this.l2 = l2;
        this.self = self;
        this.timeoutMs = timeoutMs;
        this.clock = clock;
    }

    public void start(ScheduledExecutorService duty) {
        duty.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** One check (public for tests with a scripted clock). */
    public void tick() {
        PoolStatus st = pos.status();
        Optional<ProducerAssignment> a = st.assignment();
        Optional<L2Chain> chain = l2.get();
        if (a.isEmpty() || chain.isEmpty() || a.get().producer().equals(self) || !activeMember(st)) {
            return;
        }
        long head = Math.max(chain.get().headNumber(), st.l2Head());
        if (head >= a.get().lastL2Block()) {
            return; // the producer delivered its whole range; the epoch change is pending in consensus
        }
        String key = a.get().epoch() + "/" + a.get().revision() + "/" + head;
        long now = clock.getAsLong();
        if (!key.equals(watched)) {
            watched = key;
            lastChangeMs = now;
            return;
        }
        String revision = a.get().epoch() + "/" + a.get().revision();
        boolean alreadyVoted = revision.equals(votedFor) && now - votedAtMs < 4 * timeoutMs;
        if (now - lastChangeMs >= timeoutMs && !alreadyVoted) {
            votedFor = revision;
            votedAtMs = now;
            pos.proposeRotation(a.get().producer(), head + 1);
        }
    }

    private boolean activeMember(PoolStatus st) {
        return st.members().stream().anyMatch(m -> m.signer().equals(self) && m.status() == MemberStatus.ACTIVE);
    }
}
