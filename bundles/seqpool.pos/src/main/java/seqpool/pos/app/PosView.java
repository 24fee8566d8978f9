package seqpool.pos.app;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.pos.EpochMembers;
import seqpool.api.pos.MemberStatus;
import seqpool.api.pos.PoolKeyState;
import seqpool.api.pos.PoolMember;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;
import seqpool.pos.select.PowerRule;
import seqpool.pos.state.Member;
import seqpool.pos.state.PosState;
import seqpool.pos.state.Segment;
import seqpool.pos.state.Task;

/**
 * An immutable picture of the committed state, published after each commit for readers on other threads; the forced
 * queue's length and included count are of the same state as the status (its committed L2 head).
 */
record PosView(PoolStatus status, List<ProducerAssignment> currentAssignments, EpochMembers members,
        List<PosTask> openTasks, List<Address> committee, long forcedLength, long forcedIncluded) {

    static PosView of(PosState s) {
        List<PoolMember> members = new ArrayList<>();
        for (Member m : s.members()) {
            members.add(new PoolMember(m.seqId(), m.signer(), m.stake(), PowerRule.power(m.stake()), status(s, m),
                    faults(m)));
        }
        List<ProducerAssignment> current = new ArrayList<>();
        for (Segment g : s.segments()) {
            current.add(new ProducerAssignment(s.epoch(), g.revision(), g.first(), g.last(), g.producer(), s.epochSeed()));
        }
        Optional<PoolKeyState> key = s.committee().map(c -> new PoolKeyState(c.groupKey(), c.generation(), c.members(),
                c.threshold(), c.onL1()));
        List<PosTask> open = s.openTasks().stream().map(Task::toApi).toList();
        Optional<ProducerAssignment> now = current.isEmpty() ? Optional.empty()
                : Optional.of(current.get(current.size() - 1));
        PoolStatus status = new PoolStatus(s.height(), s.epoch(), now, s.l2Head(), key, members, open.size(),
                s.l1Block());
        return new PosView(status, current, new EpochMembers(s.epoch(), members), open,
                s.committee().map(c -> c.members()).orElse(List.of()), s.forcedLength(), s.forcedIncluded());
    }

    private static MemberStatus status(PosState s, Member m) {
        if (m.jailed()) {
            return MemberStatus.JAILED;
        }
        int st = m.l1Status();
        boolean inEpoch = s.epochSet().contains(m.signer()) || (s.epoch() == 0 && s.powers().containsKey(m.signer()));
        if (st == Member.EXITED) {
            return MemberStatus.EXITED;
        }
        if (st == Member.UNLOCKING) {
            return inEpoch ? MemberStatus.EXITING : MemberStatus.EXITED;
        }
        if (st == Member.INACTIVE) {
            return MemberStatus.INACTIVE;
        }
        return inEpoch ? MemberStatus.ACTIVE : MemberStatus.PENDING;
    }

    private static int faults(Member m) {
        return m.faultCount();
    }

}
