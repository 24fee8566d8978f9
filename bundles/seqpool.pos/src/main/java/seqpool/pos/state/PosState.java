package seqpool.pos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * Everything the PoS application has committed. Mutable, owned by the application's thread; {@link StateCodec} gives it
 * one canonical encoding (stored after every commit; its hash is the app hash).
 */
public final class PosState {
    /** The last committed consensus height and its block id. */
    long height;
    Hash32 lastBlockId = Hash32.ZERO;
    /** Position of the last applied L1 event: (block, log index); log index -1 = before the block's first log. */
    long l1Block;
    int l1LogIndex = -1;
    /** LockingPool's counters as the pool tracks them (genesis value plus the pool's own completed actions). */
    long poolActionNonce;
    long lastRewardBatch;

    final TreeMap<Long, Member> members = new TreeMap<>();
    /** The current key committee, empty before the first keygen completed. */
    CommitteeState committee;
    /** Voting power of each consensus validator in force. */
    final TreeMap<Address, Long> powers = new TreeMap<>();

    /** The current epoch (0 before the first), its range, seed and members; the segments of its range so far. */
    long epoch;
    long epochFirst;
    long epochLast;
    Hash32 epochSeed = Hash32.ZERO;
    final List<Address> epochSet = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();
    /** Committed L2 head: number (firstL2Block - 1 before any block) and hash. */
    long l2Head;
    Hash32 l2HeadHash = Hash32.ZERO;
    /** L2 blocks produced per signer in the current epoch (rewards). */
    final TreeMap<Address, Long> produced = new TreeMap<>();
    /** Rotation votes for the current (epoch, revision): voter → the L2 head number it reported. */
    final TreeMap<Address, Long> rotationVotes = new TreeMap<>();

    final TreeMap<String, Task> tasks = new TreeMap<>();
    long nextTaskSeq;

    /**
     * Forced inclusion: the messages committed so far (the next queue index expected), how many of them committed L2
     * progress covers (the largest {@code forcedCursor} of a committed header), and the committed messages above that,
     * by index.
     */
    long forcedLength;
    /**
     * The reasons ({@link TaskParams#l2EquivocationReason}) of the L2 equivocations already punished: evidence for one
     * producer and block number slashes once, whichever pair of headers proves it.
     */
    final java.util.TreeSet<Hash32> punishedEquivocations = new java.util.TreeSet<>();
    long forcedIncluded;
    final TreeMap<Long, ForcedEntry> forcedPending = new TreeMap<>();

    public long height() {
        return height;
    }

    public Hash32 lastBlockId() {
        return lastBlockId;
    }

    public long epoch() {
        return epoch;
    }

    public long l2Head() {
        return l2Head;
    }

    public long l1Block() {
        return l1Block;
    }

    public int l1LogIndex() {
        return l1LogIndex;
    }

    public Optional<CommitteeState> committee() {
        return Optional.ofNullable(committee);
    }

    public List<Address> epochSet() {
        return List.copyOf(epochSet);
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    public TreeMap<Address, Long> powers() {
        return new TreeMap<>(powers);
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public boolean equivocationPunished(Hash32 reason) {
        return punishedEquivocations.contains(reason);
    }

    public Optional<Member> memberBySigner(Address signer) {
        return members.values().stream().filter(m -> m.signer.equals(signer)).findFirst();
    }

    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    public Optional<Task> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** The segment in force for an L2 block of the current epoch. */
    public Optional<Segment> segmentFor(long l2Block) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment s = segments.get(i);
            if (l2Block >= s.first() && l2Block <= s.last()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The current segment (the last one), if an epoch runs. */
    public Optional<Segment> currentSegment() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
    }

    public long epochFirst() {
        return epochFirst;
    }

    public long epochLast() {
        return epochLast;
    }

    public Hash32 epochSeed() {
        return epochSeed;
    }

    public long forcedLength() {
        return forcedLength;
    }

    public long forcedIncluded() {
        return forcedIncluded;
    }

    /** The committed messages committed progress does not cover yet, by index. */
    public java.util.SortedMap<Long, ForcedEntry> forcedPending() {
        return java.util.Collections.unmodifiableSortedMap(forcedPending);
    }

    /**
     * Why a header claiming L2 block {@code number} with forced cursor {@code cursor} cannot be committed progress,
     * if it cannot: the cursor goes back below what progress already covers, claims messages the pool has not
     * committed, or leaves out a message that is due at {@code number} (a block every validator rejects). Empty if
     * it can.
     */
    public Optional<String> forcedProgressViolation(long number, long cursor) {
        if (cursor < forcedIncluded) {
            return Optional.of("forced cursor " + cursor + " below the committed " + forcedIncluded);
        }
        if (cursor > forcedLength) {
            return Optional.of("forced cursor " + cursor + " beyond the " + forcedLength + " committed messages");
        }
        ForcedEntry next = forcedPending.get(cursor);
        if (next != null && next.dueL2Block() <= number) {
            return Optional.of("forced message " + cursor + " due at L2 block " + next.dueL2Block() + " is not "
                    + "included by block " + number);
        }
        return Optional.empty();
    }

    /** Whether a task is the open one of its lane (the oldest still there). */
    public boolean isOpen(Task t) {
        for (Task o : tasks.values()) {
            if (o.lane.equals(t.lane) && o.seq < t.seq) {
                return false;
            }
        }
        return tasks.containsKey(t.id);
    }

    public List<Task> openTasks() {
        List<Task> out = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (isOpen(t)) {
                out.add(t);
            }
        }
        out.sort(java.util.Comparator.comparingLong(t -> t.seq));
        return out;
    }
}
