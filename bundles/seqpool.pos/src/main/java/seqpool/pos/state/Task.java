package seqpool.pos.state;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;

/**
 * A committed task: its lane (tasks of one lane run one at a time, in order, because their L1 effects must be
 * contiguous), the current attempt and the height it was opened at, its parameters, the reports of the current attempt
 * and the parties suspected in earlier attempts. Mutable; owned by the state machine.
 */
public final class Task {
    /** A member's report on the current attempt. */
    public record Report(boolean ok, Bytes groupKey, int generation) {
    }

    final String id;
    final PosTaskKind kind;
    final String lane;
    final long seq;
    final long epoch;
    int attempt;
    long openedAt;
    final TreeMap<String, String> params = new TreeMap<>();
    final TreeMap<Address, Report> reports = new TreeMap<>();
    final TreeSet<Address> suspects = new TreeSet<>();

    Task(String id, PosTaskKind kind, String lane, long seq, long epoch) {
        this.id = id;
        this.kind = kind;
        this.lane = lane;
        this.seq = seq;
        this.epoch = epoch;
    }

    public String id() {
        return id;
    }

    public PosTaskKind kind() {
        return kind;
    }

    public String lane() {
        return lane;
    }

    public int attempt() {
        return attempt;
    }

    public Map<String, String> params() {
        return java.util.Collections.unmodifiableMap(params);
    }

    /** The members expected to act on the current attempt. */
    public List<Address> participants() {
        return switch (kind) {
            case KEYGEN -> Addresses.parse(params.get("committee"));
            case RESHARE -> {
                TreeSet<Address> all = new TreeSet<>(Addresses.parse(params.get("old")));
                all.addAll(Addresses.parse(params.get("new")));
                yield List.copyOf(all);
            }
            case REPORT_DOUBLE_SIGN -> Addresses.parse(params.get("posters"));
            default -> Addresses.parse(params.get("signers"));
        };
    }

    public PosTask toApi() {
        return new PosTask(id, kind, epoch, attempt, params);
    }
}
