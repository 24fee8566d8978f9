package seqpool.bridge.follow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.store.StoreException;

/**
 * One step of the Listener: read the next confirmed range from L1, check it ({@link RangeVerifier},
 * {@link ReorgRule}) and record its events together with the new cursor in one atomic write. A step that fails
 * (an {@link L1Exception} or {@link StoreException}) or is deferred changes nothing, so the caller simply runs the
 * next step later: steps are idempotent, which is what makes retries and restarts safe.
 *
 * <p>Once halted (chain id mismatch, reorg deeper than the confirmations, or {@link #halt}) the follower never reads
 * or records again; the record stays as it is. Not thread-safe: one thread runs the steps; {@link #lastHead()} and
 * {@link #haltReason()} may be read from any thread.
 */
public final class Follower {
    private final L1Chain chain;
    private final FollowRecord record;
    private final FollowPlan plan;
    private final Set<Address> contracts;
    private Cursor cursor;
    private boolean chainChecked;
    private volatile long lastHead = -1;
    private volatile String haltReason;

    public Follower(L1Chain chain, FollowRecord record, FollowPlan plan) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.record = Objects.requireNonNull(record, "record");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.contracts = plan.contractSet();
    }

    public StepResult step() throws L1Exception, StoreException {
        if (haltReason != null) {
            return new StepResult.Halted(haltReason);
        }
        if (!chainChecked) {
            long id = chain.chainId();
            if (id != plan.chainId()) {
                return halt("L1 is chain " + id + " but the contracts file names chain " + plan.chainId());
            }
            chainChecked = true;
        }
        Cursor c = cursor();
        long head = chain.headNumber();
        lastHead = head;
        Optional<BlockRange> next = ConfirmationRule.next(c, head, plan.confirmations(), plan.maxBlockRange());
        if (next.isEmpty()) {
            if (c.anchored() && c.block() <= head) {
                Optional<String> deep = ReorgRule.deepReorg(c, chain.header(c.block()), plan.confirmations());
                if (deep.isPresent()) {
                    return halt(deep.get());
                }
            }
            return new StepResult.Idle(head);
        }
        BlockRange range = next.get();
        BlockHeader lastBefore = chain.header(range.to());
        BlockHeader first = range.from() == range.to() ? lastBefore : chain.header(range.from());
        if (!ReorgRule.links(c, first)) {
            return apply(range, head, ReorgRule.brokenLink(c, first, chain.header(c.block()), plan.confirmations()));
        }
        var logs = chain.logs(range, plan.contracts());
        Map<Long, BlockHeader> logBlocks = new TreeMap<>();
        for (RawLog log : logs) {
            if (range.contains(log.blockNumber()) && !logBlocks.containsKey(log.blockNumber())) {
                logBlocks.put(log.blockNumber(), chain.header(log.blockNumber()));
            }
        }
        BlockHeader lastAfter = chain.header(range.to());
        RangeReading reading = new RangeReading(c, range, lastBefore, first, logs, logBlocks, lastAfter);
        return apply(range, head, RangeVerifier.verify(reading, contracts, plan.kinds()));
    }

    private StepResult apply(BlockRange range, long head, RangeVerdict verdict) throws StoreException {
        if (verdict instanceof RangeVerdict.Accept a) {
            record.append(a.events(), a.next());
            cursor = a.next();
            return new StepResult.Recorded(range, a.events().size(), head,
                    a.next().block() >= ConfirmationRule.confirmedHead(head, plan.confirmations()));
        }
        if (verdict instanceof RangeVerdict.Defer d) {
            return new StepResult.Deferred(range, d.reason());
        }
        return halt(((RangeVerdict.Halt) verdict).reason());
    }

    /** The recorded cursor, or the unanchored start cursor while nothing is recorded. */
    public Cursor cursor() throws StoreException {
        if (cursor == null) {
            cursor = record.cursor().orElse(Cursor.unanchored(plan.startBlock()));
        }
        return cursor;
    }

    /** Stops the follower for good (e.g. the store holds another deployment's events). */
    public StepResult.Halted halt(String reason) {
        if (haltReason == null) {
            haltReason = Objects.requireNonNull(reason, "reason");
        }
        return new StepResult.Halted(haltReason);
    }

    /** The L1 head seen by the last step that reached L1, or -1. */
    public long lastHead() {
        return lastHead;
    }

    public Optional<String> haltReason() {
        return Optional.ofNullable(haltReason);
    }

    public FollowPlan plan() {
        return plan;
    }
}
