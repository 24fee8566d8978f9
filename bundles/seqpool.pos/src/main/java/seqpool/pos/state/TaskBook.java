package seqpool.pos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.pos.PosTaskKind;

/**
 * Queues, opens, re-opens and closes tasks. Tasks of one lane run one at a time in queue order, because their L1
 * effects must arrive in order (SequencerSet epochs, LockingPool reward batches and action nonces). Opening a task
 * fixes what depends on the moment (signers from the current committee, the session, the signed digest) through the
 * {@link Opener} the state machine provides. Not thread-safe.
 */
final class TaskBook {
    /** Fills in the attempt-dependent parameters of a task that is being opened. */
    interface Opener {
        void prepare(Task t);
    }

    private final PosState s;
    private final Effects fx;
    private final Opener opener;

    TaskBook(PosState s, Effects fx, Opener opener) {
        this.s = s;
        this.fx = fx;
        this.opener = opener;
    }

    Task queue(String id, PosTaskKind kind, String lane, long epoch, Map<String, String> args) {
        Task t = s.tasks.get(id);
        if (t != null) {
            return t; // queued once: the same decision committed again changes nothing
        }
        t = new Task(id, kind, lane, s.nextTaskSeq++, epoch);
        t.params.putAll(args);
        s.tasks.put(id, t);
        if (s.isOpen(t)) {
            open(t);
        }
        return t;
    }

    boolean has(String id) {
        return s.tasks.containsKey(id);
    }

    boolean laneBusy(String lane) {
        return s.tasks.values().stream().anyMatch(t -> t.lane.equals(lane));
    }

    void complete(String id) {
        Task t = s.tasks.remove(id);
        if (t == null) {
            return;
        }
        fx.closed(t.toApi());
        for (Task next : s.tasks.values()) {
            if (next.lane.equals(t.lane) && s.isOpen(next)) {
                open(next);
                break;
            }
        }
    }

    void reopen(Task t, List<Address> culprits) {
        t.attempt++;
        t.suspects.addAll(culprits);
        open(t);
    }

    /** Re-opens every open task whose attempt has lasted {@code timeoutHeights}. */
    void expire(long timeoutHeights) {
        for (Task t : new ArrayList<>(s.openTasks())) {
            if (s.height - t.openedAt >= timeoutHeights) {
                reopen(t, List.of());
            }
        }
    }

    Optional<Task> open(String id) {
        Task t = s.tasks.get(id);
        return t != null && s.isOpen(t) ? Optional.of(t) : Optional.empty();
    }

    private void open(Task t) {
        t.openedAt = s.height;
        t.reports.clear();
        opener.prepare(t);
        fx.opened(t.toApi());
    }
}
