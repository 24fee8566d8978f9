package seqpool.pos.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.ValidatorUpdate;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.pos.ProducerAssignment;
import seqpool.pos.l1.PoolDigests;
import seqpool.pos.l1.PoolEvent;
import seqpool.pos.l1.PoolEventDecoder;
import seqpool.pos.select.PowerRule;
import seqpool.pos.select.ProducerSelection;
import seqpool.pos.select.Thresholds;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;
import seqpool.pos.tx.SignedBody;

/**
 * Applies committed blocks to the {@link PosState}: {@link #beginBlock}, {@link #apply} for each transaction in block
 * order, {@link #misbehavior} for committed evidence, {@link #endBlock}. Transactions that do not apply to the state
 * (stale votes, reports of a closed attempt, events out of order) are ignored, the same way on every node. Each method
 * names the EpochRotation action it implements. Not thread-safe; one block at a time.
 */
public final class PosMachine {
    private final PosParams p;
    private final PosState s;
    private final Effects fx;
    private final PoolEventDecoder decoder;
    private final TaskBook tasks;
    private final TaskParams taskParams;
    private final List<ValidatorUpdate> updates = new ArrayList<>();

    public PosMachine(PosParams p, PosState s, Effects fx) {
        this.p = p;
        this.s = s;
        this.fx = fx;
        this.decoder = new PoolEventDecoder(p);
        this.taskParams = new TaskParams(p, s, new PoolDigests(p));
        this.tasks = new TaskBook(s, fx, taskParams::prepare);
    }

    /** The state before the first block: the genesis members as validators, and the keygen of the first committee. */
    public static PosState genesis(PosParams p, Genesis g, Effects fx) {
        PosState s = new PosState();
        s.l1Block = g.l1Block();
        s.l1LogIndex = Integer.MAX_VALUE; // the genesis block's own events are in the snapshot
        s.poolActionNonce = g.poolActionNonce();
        s.lastRewardBatch = g.lastRewardBatch();
        s.l2Head = p.firstL2Block() - 1;
        fx.trace("PosParams", "rangeLen", p.epochLength(), "jailAfter", p.jailAfterFaults());
        for (Genesis.GenesisMember gm : g.members()) {
            s.members.put(gm.seqId(), new Member(gm.seqId(), gm.signer(), gm.stake(), Member.ACTIVE));
            s.powers.put(gm.signer(), PowerRule.power(gm.stake()));
            fx.trace("ValidatorJoined", "validator", gm.signer().toHex(), "power", PowerRule.power(gm.stake()));
        }
        List<Address> committee = new ArrayList<>(s.powers.keySet());
        new PosMachine(p, s, fx).tasks.queue("keygen", PosTaskKind.KEYGEN, "key", 0, Map.of(
                "committee", Addresses.join(committee),
                "threshold", Integer.toString(Thresholds.committeeThreshold(committee.size()))));
        return s;
    }

    public void beginBlock(long height, Hash32 blockId) {
        s.height = height;
        s.lastBlockId = blockId;
        updates.clear();
    }

    public void apply(PosTx tx) {
        if (tx instanceof PosTx.L1EventTx e) {
            applyL1Event(e.event());
        } else if (tx instanceof PosTx.L2ProgressTx pr) {
            if (progressValid(pr.header())) {
                applyL2Progress(pr.header());
            }
        } else if (tx instanceof PosTx.L2EquivocationTx q) {
            if (L2EquivocationRule.refusal(p, s, q).isEmpty()) {
                punishL2Equivocation(q);
            }
        } else if (tx instanceof PosTx.Signed signed) {
            if (!signatureValid(signed)) {
                return;
            }
            if (signed.body() instanceof SignedBody.RotateVote v) {
                applyRotationVote(signed.signer(), v);
            } else if (signed.body() instanceof SignedBody.TaskReport r) {
                applyTaskReport(signed.signer(), r);
            }
        }
    }

    /** Committed equivocation evidence: a task to post it to LockingPool.slashDoubleSign. */
    public void misbehavior(List<DuplicateVoteEvidence> evidence) {
        for (DuplicateVoteEvidence e : evidence) {
            String key = EvidenceCodec.key(e);
            if (!tasks.has("double-sign:" + key)) {
                tasks.queue("double-sign:" + key, PosTaskKind.REPORT_DOUBLE_SIGN, "evidence:" + key, s.epoch,
                        Map.of("evidence", EvidenceCodec.encode(e).toHex(), "offender", e.offender().toHex()));
            }
        }
    }

    /** Task attempts that lasted too long are re-opened; returns the validator updates of this block. */
    public List<ValidatorUpdate> endBlock() {
        tasks.expire(p.taskTimeoutHeights());
        return List.copyOf(updates);
    }

    // ------------------------------------------------------------------------------------------------ L1 events

    /** ValidatorJoined / ValidatorLeft and the completions of the pool's own L1 actions (spec: side transactions). */
    void applyL1Event(seqpool.api.bridge.L1Event e) {
        if (e.l1Block() < s.l1Block || (e.l1Block() == s.l1Block && e.logIndex() <= s.l1LogIndex)) {
            return; // not after the last applied event: already applied or out of order
        }
        s.l1Block = e.l1Block();
        s.l1LogIndex = e.logIndex();
        PoolEvent pe = decoder.decode(e);
        if (pe instanceof PoolEvent.Locked l) {
            if (!s.members.containsKey(l.seqId())) {
                s.members.put(l.seqId(), new Member(l.seqId(), l.signer(), l.amount(), Member.ACTIVE));
                fx.trace("ValidatorJoined", "validator", l.signer().toHex(), "power", PowerRule.power(l.amount()));
            }
        } else if (pe instanceof PoolEvent.StakeChanged c) {
            member(c.seqId()).ifPresent(m -> m.stake = c.total());
        } else if (pe instanceof PoolEvent.SlashedOnL1 sl) {
            member(sl.seqId()).ifPresent(m -> {
                m.stake = sl.total();
                String id = TaskParams.slashId(m.seqId, sl.reasonHash());
                if (tasks.has(id)) { // the pool's own slash() landed: LockingPool counted one more pool action
                    s.poolActionNonce++;
                    tasks.complete(id);
                }
            });
        } else if (pe instanceof PoolEvent.StatusChanged c) {
            member(c.seqId()).ifPresent(m -> {
                boolean wasWanted = m.wantedInCommittee();
                m.l1Status = c.status();
                if (c.status() == Member.UNLOCKING && wasWanted) {
                    fx.trace("ValidatorLeft", "validator", m.signer.toHex());
                }
            });
        } else if (pe instanceof PoolEvent.JailedOnL1 j) {
            member(j.seqId()).ifPresent(m -> onJailedOnL1(m, j.reasonHash()));
        } else if (pe instanceof PoolEvent.UnjailedOnL1 u) {
            member(u.seqId()).ifPresent(m -> {
                m.l1Jailed = false;
                m.poolJailed = false;
                m.faultEpochs.clear();
            });
        } else if (pe instanceof PoolEvent.PoolKeyRegistered k) {
            onPoolKeyRegistered(k);
        } else if (pe instanceof PoolEvent.EpochCommitted c) {
            tasks.complete(TaskParams.commitEpochId(c.id()));
        } else if (pe instanceof PoolEvent.EpochRecommitted c) {
            tasks.complete(TaskParams.recommitEpochId(c.id(), c.rotation()));
        } else if (pe instanceof PoolEvent.RewardsSubmitted r) {
            s.lastRewardBatch = Math.max(s.lastRewardBatch, r.batchId());
            tasks.complete(TaskParams.rewardsId(r.batchId()));
        } else if (pe instanceof PoolEvent.DoubleSignProven d) {
            tasks.complete("double-sign:" + EvidenceCodec.key(d.signer(), d.kind(), d.height(), d.round()));
        } else if (pe instanceof PoolEvent.ForcedQueued f) {
            onForcedQueued(f, e);
        }
        maybeReshare();
    }

    /**
     * A forced-inclusion message, committed with its deadline: the committed L2 head now plus
     * {@code forcedInclusionBlocks}. The queue numbers its messages 0, 1, 2, ... in L1 order, so a message that is not
     * the next index (impossible from the real contract) is ignored, the same way on every node.
     */
    private void onForcedQueued(PoolEvent.ForcedQueued f, seqpool.api.bridge.L1Event e) {
        if (!p.forcedInclusion() || f.index() != s.forcedLength) {
            return;
        }
        long due = s.l2Head + p.forcedInclusionBlocks();
        s.forcedPending.put(f.index(), new ForcedEntry(due, seqpool.codec.crypto.Keccak.keccak256(f.transaction())));
        s.forcedLength++;
        fx.forcedQueued(new seqpool.api.pos.ForcedMessage(f.index(), e.l1Block(), e.txHash(), f.transaction(), due,
                false));
    }

    /** JailedOnL1 (a double signer, unless the pool jailed it already), then Evicted if it owns the next block. */
    private void onJailedOnL1(Member m, Hash32 reason) {
        if (!m.jailed()) {
            fx.trace("JailedOnL1", "validator", m.signer.toHex());
        }
        m.l1Jailed = true;
        String id = TaskParams.jailId(m.seqId, reason);
        if (tasks.has(id)) { // the pool's own jail() landed: LockingPool counted one more pool action
            s.poolActionNonce++;
            tasks.complete(id);
        }
        rotateAwayFrom(m.signer, false);
    }

    private void onPoolKeyRegistered(PoolEvent.PoolKeyRegistered k) {
        if (s.committee == null || s.committee.onL1()) {
            return;
        }
        if (seqpool.pos.l1.PoolKeys.compressed(k.x(), k.y()).equals(s.committee.groupKey())) {
            s.committee = s.committee.registered();
            if (s.epoch == 0) {
                startEpoch();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ committee

    /** When the wanted member set differs from the committee, the current committee reshares to it. */
    private void maybeReshare() {
        if (s.committee == null || tasks.laneBusy("key")) {
            return;
        }
        List<Address> target = new ArrayList<>();
        for (Member m : s.members.values()) {
            if (m.wantedInCommittee()) {
                target.add(m.signer);
            }
        }
        target.sort(null);
        if (target.isEmpty() || target.equals(s.committee.members())) {
            return;
        }
        tasks.queue("reshare:" + s.committee.generation() + ":" + s.height, PosTaskKind.RESHARE, "key", s.epoch, Map.of(
                "old", Addresses.join(s.committee.members()),
                "oldThreshold", Integer.toString(s.committee.threshold()),
                "fromGeneration", Integer.toString(s.committee.generation()),
                "new", Addresses.join(target),
                "newThreshold", Integer.toString(Thresholds.committeeThreshold(target.size())),
                "groupKey", s.committee.groupKey().toHex()));
    }

    /**
     * CommitteeReady: enough members of a keygen or reshare report the same group key. A failure report ends the
     * attempt only when it can no longer succeed ({@link #canStillSucceed}); the parties it blames become suspects.
     */
    void applyTaskReport(Address reporter, SignedBody.TaskReport r) {
        var open = tasks.open(r.taskId());
        if (open.isEmpty() || open.get().attempt != r.attempt() || !open.get().participants().contains(reporter)
                || open.get().reports.containsKey(reporter)) {
            return;
        }
        Task t = open.get();
        t.reports.put(reporter, new Task.Report(r.ok(), r.groupKey(), r.generation()));
        if (!r.ok()) {
            t.suspects.addAll(r.culprits());
            if (!canStillSucceed(t)) {
                tasks.reopen(t, List.of());
            }
            return;
        }
        if (t.kind == PosTaskKind.KEYGEN) {
            keyReady(t, Addresses.parse(t.params.get("committee")), Integer.parseInt(t.params.get("threshold")), 1);
        } else if (t.kind == PosTaskKind.RESHARE) {
            keyReady(t, Addresses.parse(t.params.get("new")), Integer.parseInt(t.params.get("newThreshold")),
                    Integer.parseInt(t.params.get("fromGeneration")) + 1);
        }
    }

    /**
     * Whether the current attempt can still finish despite its failure reports. A keygen or reshare ends early only
     * when fewer participants than its threshold are left without a failure report (of the new committee, or of the
     * old one dealing a reshare), so that one Byzantine participant cannot abort every attempt before the honest
     * reports land; otherwise the attempt runs until its timeout. A pool signature needs every chosen signer: one
     * failure ends it.
     */
    private boolean canStillSucceed(Task t) {
        return switch (t.kind) {
            case KEYGEN -> enoughLeft(t, Addresses.parse(t.params.get("committee")),
                    Integer.parseInt(t.params.get("threshold")));
            case RESHARE -> enoughLeft(t, Addresses.parse(t.params.get("new")),
                    Integer.parseInt(t.params.get("newThreshold")))
                    && enoughLeft(t, Addresses.parse(t.params.get("old")),
                            Integer.parseInt(t.params.get("oldThreshold")));
            default -> false;
        };
    }

    private static boolean enoughLeft(Task t, List<Address> members, int threshold) {
        long failed = members.stream().filter(a -> t.reports.containsKey(a) && !t.reports.get(a).ok()).count();
        return members.size() - failed >= threshold;
    }

    private void keyReady(Task t, List<Address> members, int threshold, int generation) {
        TreeMap<String, Integer> votes = new TreeMap<>();
        for (Map.Entry<Address, Task.Report> e : t.reports.entrySet()) {
            Task.Report rep = e.getValue();
            if (rep.ok() && members.contains(e.getKey()) && rep.generation() == generation && rep.groupKey().size() == 33
                    && (s.committee == null || rep.groupKey().equals(s.committee.groupKey()))) {
                votes.merge(rep.groupKey().toHex(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> v : votes.entrySet()) {
            if (v.getValue() >= threshold) {
                boolean onL1 = s.committee != null && s.committee.onL1();
                s.committee = new CommitteeState(members, threshold, generation,
                        seqpool.api.common.Bytes.fromHex(v.getKey()), onL1);
                fx.trace("CommitteeReady", "members", members.stream().map(Address::toHex).toList());
                tasks.complete(t.id);
                maybeReshare();
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ epochs

    /** EpochAssigned: the next range, the members of the ready committee (minus jailed), a producer drawn by stake. */
    void startEpoch() {
        List<Address> set = new ArrayList<>();
        TreeMap<Address, BigInteger> stakes = new TreeMap<>();
        for (Address a : s.committee.members()) {
            s.memberBySigner(a).filter(Member::servesEpochs).ifPresent(m -> {
                set.add(a);
                stakes.put(a, m.stake.signum() > 0 ? m.stake : BigInteger.ONE);
            });
        }
        if (set.isEmpty()) {
            return; // every committee member is jailed or gone: no producer can be assigned
        }
        if (s.epoch >= 1) {
            queueRewards(s.epoch);
        }
        long e = s.epoch + 1;
        long first = s.epoch == 0 ? p.firstL2Block() : s.epochLast + 1;
        long last = first + p.epochLength() - 1;
        Address producer = ProducerSelection.choose(s.lastBlockId, e, 0, stakes);
        setPowers(stakes);
        s.epoch = e;
        s.epochFirst = first;
        s.epochLast = last;
        s.epochSeed = s.lastBlockId;
        s.epochSet.clear();
        s.epochSet.addAll(set);
        s.segments.clear();
        s.segments.add(new Segment(0, first, last, producer));
        s.produced.clear();
        s.rotationVotes.clear();
        fx.trace("EpochAssigned", "epoch", e, "first", first, "last", last, "producer", producer.toHex());
        fx.assigned(new ProducerAssignment(e, 0, first, last, producer, s.epochSeed));
        tasks.queue(TaskParams.commitEpochId(e), PosTaskKind.SIGN_EPOCH, "sequencer-set", e, Map.of(
                "action", "commit", "epochId", Long.toString(e), "first", Long.toString(first),
                "last", Long.toString(last), "producer", producer.toHex()));
    }

    private void setPowers(TreeMap<Address, BigInteger> stakes) {
        TreeMap<Address, Long> next = new TreeMap<>();
        stakes.forEach((a, st) -> next.put(a, PowerRule.power(st)));
        for (Address old : s.powers.keySet()) {
            if (!next.containsKey(old)) {
                updates.add(new ValidatorUpdate(old, 0));
            }
        }
        next.forEach((a, pw) -> {
            if (!pw.equals(s.powers.get(a))) {
                updates.add(new ValidatorUpdate(a, pw));
            }
        });
        s.powers.clear();
        s.powers.putAll(next);
    }

    private void queueRewards(long epoch) {
        List<Long> seqIds = new ArrayList<>();
        List<Long> blocks = new ArrayList<>();
        for (Map.Entry<Address, Long> e : s.produced.entrySet()) {
            s.memberBySigner(e.getKey()).ifPresent(m -> {
                seqIds.add(m.seqId);
                blocks.add(e.getValue());
            });
        }
        long batch = s.lastRewardBatch + 1 + s.tasks.values().stream().filter(t -> t.kind == PosTaskKind.SIGN_REWARDS)
                .count();
        tasks.queue(TaskParams.rewardsId(batch), PosTaskKind.SIGN_REWARDS, "rewards", epoch, Map.of(
                "batchId", Long.toString(batch), "startEpoch", Long.toString(epoch), "endEpoch", Long.toString(epoch),
                "seqIds", join(seqIds), "blocks", join(blocks)));
    }

    private static String join(List<Long> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }

    /**
     * Whether an L2 header is the next progress of the current epoch, by its assigned producer, and keeps the
     * forced-inclusion rule ({@link PosState#forcedProgressViolation}).
     */
    private boolean progressValid(L2Header h) {
        if (s.epoch < 1 || h.epoch() != s.epoch || h.number() <= s.l2Head || h.number() > s.epochLast
                || s.forcedProgressViolation(h.number(), h.forcedCursor()).isPresent()) {
            return false;
        }
        var seg = s.segmentFor(h.number());
        return seg.isPresent() && seg.get().producer().equals(h.producer()) && h.signedByProducer(p.l2ChainId());
    }

    /**
     * BlockProduced for every height up to the header; the epoch ends with its last block. Rotation votes stay counted
     * for the assignment revision they name (the spec's rule): a vote says its voter saw no block for the stall timeout.
     */
    void applyL2Progress(L2Header h) {
        for (long n = s.l2Head + 1; n <= h.number(); n++) {
            fx.trace("BlockProduced", "height", n, "producer", h.producer().toHex());
        }
        s.produced.merge(h.producer(), h.number() - s.l2Head, Long::sum);
        s.l2Head = h.number();
        s.l2HeadHash = h.hash(p.l2ChainId());
        if (h.forcedCursor() > s.forcedIncluded) { // the messages below the cursor are included
            s.forcedIncluded = h.forcedCursor();
            s.forcedPending.headMap(h.forcedCursor()).clear();
        }
        if (s.l2Head == s.epochLast) {
            startEpoch();
        }
    }

    // ------------------------------------------------------------------------------------------------ rotation

    /** VoteRotate, and Rotated once more than 2/3 of the epoch's power voted. */
    void applyRotationVote(Address voter, SignedBody.RotateVote v) {
        var seg = s.currentSegment();
        if (s.epoch < 1 || v.epoch() != s.epoch || seg.isEmpty() || v.revision() != seg.get().revision()
                || !v.stalled().equals(seg.get().producer()) || !s.epochSet.contains(voter)
                || s.rotationVotes.containsKey(voter)) {
            return;
        }
        if (v.head().isPresent() && progressValid(v.head().get())) {
            applyL2Progress(v.head().get());
            if (s.epoch != v.epoch()) {
                return; // that head ended the epoch: nothing left to rotate
            }
        }
        s.rotationVotes.put(voter, s.l2Head);
        fx.trace("VoteRotate", "validator", voter.toHex());
        long votes = 0;
        long total = 0;
        for (Address a : s.epochSet) {
            long pw = s.powers.getOrDefault(a, 0L);
            total += pw;
            if (s.rotationVotes.containsKey(a)) {
                votes += pw;
            }
        }
        if (Thresholds.superMajority(votes, total)) {
            rotateAwayFrom(v.stalled(), true);
        }
    }

    /**
     * Rotated (+ Faulted, Jailed) after a vote, or Evicted when L1 jailed the producer: the rest of the epoch's range
     * goes to another producer drawn by stake.
     */
    private void rotateAwayFrom(Address stalled, boolean fault) {
        var seg = s.currentSegment();
        if (s.epoch < 1 || seg.isEmpty() || !seg.get().producer().equals(stalled) || s.l2Head >= s.epochLast) {
            return;
        }
        TreeMap<Address, BigInteger> stakes = new TreeMap<>();
        for (Address a : s.epochSet) {
            if (!a.equals(stalled)) {
                s.memberBySigner(a).filter(m -> !m.jailed()).ifPresent(m -> stakes.put(a, m.stake.max(BigInteger.ONE)));
            }
        }
        if (stakes.isEmpty()) {
            return;
        }
        long from = s.l2Head + 1;
        int revision = seg.get().revision() + 1;
        Address to = ProducerSelection.choose(s.lastBlockId, s.epoch, revision, stakes);
        Segment old = s.segments.remove(s.segments.size() - 1);
        if (from > old.first()) {
            s.segments.add(new Segment(old.revision(), old.first(), from - 1, old.producer()));
        }
        s.segments.add(new Segment(revision, from, s.epochLast, to));
        s.rotationVotes.clear();
        fx.trace(fault ? "Rotated" : "Evicted", "epoch", s.epoch, "from", stalled.toHex(), "to", to.toHex(),
                "height", from);
        fx.assigned(new ProducerAssignment(s.epoch, revision, from, s.epochLast, to, s.lastBlockId));
        tasks.queue(TaskParams.recommitEpochId(s.epoch, revision), PosTaskKind.SIGN_EPOCH, "sequencer-set", s.epoch,
                Map.of("action", "recommit", "epochId", Long.toString(s.epoch), "rotation", Integer.toString(revision),
                        "from", Long.toString(from), "producer", to.toHex()));
        if (fault) {
            s.memberBySigner(stalled).ifPresent(this::fault);
        }
    }

    /**
     * A proven L2 equivocation: the pool slashes {@code l2EquivocationSlashBps} of the producer's committed stake and jails
     * it (both through LockingPool, signed by the pool key, on the pool-actions lane), and the rest of the epoch goes
     * to another producer. The committee reshares without it, as for any jailed member.
     */
    private void punishL2Equivocation(PosTx.L2EquivocationTx q) {
        Member m = s.memberBySigner(q.first().producer()).orElseThrow();
        long number = q.first().number();
        Hash32 reason = L2EquivocationRule.reason(m, number);
        s.punishedEquivocations.add(reason);
        fx.trace("L2Equivocation", "validator", m.signer.toHex(), "block", number);
        BigInteger amount = m.stake.multiply(BigInteger.valueOf(p.l2EquivocationSlashBps()))
                .divide(BigInteger.valueOf(10_000));
        if (amount.signum() > 0) {
            tasks.queue(TaskParams.slashId(m.seqId, reason), PosTaskKind.SIGN_SLASH, "pool-actions", s.epoch, Map.of(
                    "seqId", Long.toString(m.seqId), "amount", amount.toString(), "reason", reason.value().toHex()));
        }
        if (!m.poolJailed) {
            m.poolJailed = true;
            fx.trace("Jailed", "validator", m.signer.toHex());
            tasks.queue(TaskParams.jailId(m.seqId, reason), PosTaskKind.SIGN_JAIL, "pool-actions", s.epoch, Map.of(
                    "seqId", Long.toString(m.seqId), "reason", reason.value().toHex()));
            maybeReshare();
        }
        rotateAwayFrom(m.signer, false);
    }

    /** Faulted, and Jailed once the member stalled jailAfterFaults times within the fault window. */
    private void fault(Member m) {
        fx.trace("Faulted", "validator", m.signer.toHex());
        m.faultEpochs.add(s.epoch);
        m.faultEpochs.removeIf(e -> e <= s.epoch - p.faultWindowEpochs());
        if (m.faultEpochs.size() >= p.jailAfterFaults() && !m.poolJailed) {
            m.poolJailed = true;
            fx.trace("Jailed", "validator", m.signer.toHex());
            Hash32 reason = TaskParams.stallReason(m.seqId, s.epoch);
            tasks.queue(TaskParams.jailId(m.seqId, reason), PosTaskKind.SIGN_JAIL, "pool-actions", s.epoch, Map.of(
                    "seqId", Long.toString(m.seqId), "reason", reason.value().toHex()));
            maybeReshare();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private java.util.Optional<Member> member(long seqId) {
        return java.util.Optional.ofNullable(s.members.get(seqId));
    }

    private boolean signatureValid(PosTx.Signed t) {
        Hash32 digest = PosTxCodec.signingDigest(p.l1ChainId(), p.lockingPool(), t.body());
        return seqpool.codec.crypto.Secp256k1.verify(digest, t.signature(), t.signer());
    }
}
