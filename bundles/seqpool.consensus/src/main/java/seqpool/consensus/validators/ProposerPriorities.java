package seqpool.consensus.validators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.ValidatorUpdate;

/**
 * A validator set with CometBFT proposer priorities ({@code types/validator_set.go}): each increment adds every
 * validator's power to its priority, picks the highest (ties: the smaller address) as proposer and subtracts the total
 * power from it; before the increments priorities are rescaled so that max − min ≤ 2 × total power (integer division
 * truncating toward zero) and centred by subtracting their average (floor division). A new validator starts at
 * −(P + P/8) with P the total power after the update, i.e. −1.125 × P. Additions and subtractions saturate at the
 * int64 limits exactly as CometBFT's {@code safeAddClip}/{@code safeSubClip} (an earlier version clipped at
 * ±2 × MaxTotalVotingPower and diverged from CometBFT once a priority passed that bound). Immutable: every operation
 * returns a new value.
 */
public final class ProposerPriorities {
    static final long WINDOW_FACTOR = 2;

    private final ValidatorSet set;
    private final Map<Address, Long> priority;
    private final Address proposer;

    private ProposerPriorities(ValidatorSet set, Map<Address, Long> priority, Address proposer) {
        this.set = set;
        this.priority = Collections.unmodifiableMap(priority);
        this.proposer = proposer;
    }

    /** CometBFT's {@code NewValidatorSet}: all validators enter as new, then one increment picks the first proposer. */
    public static ProposerPriorities genesis(ValidatorSet set) {
        List<ValidatorUpdate> all = new ArrayList<>();
        for (Validator v : set.validators()) {
            all.add(new ValidatorUpdate(v.address(), v.power()));
        }
        return empty().withUpdates(all).increment(1);
    }

    /** Explicit priorities, for tests and for restoring state. */
    public static ProposerPriorities of(ValidatorSet set, Map<Address, Long> priorities, Address proposer) {
        Map<Address, Long> p = new HashMap<>();
        for (Validator v : set.validators()) {
            Long x = priorities.get(v.address());
            if (x == null) {
                throw new IllegalArgumentException("no priority for " + v.address());
            }
            p.put(v.address(), x);
        }
        return new ProposerPriorities(set, p, proposer);
    }

    private static ProposerPriorities empty() {
        return new ProposerPriorities(null, new HashMap<>(), null);
    }

    public ValidatorSet set() {
        return set;
    }

    public long priorityOf(Address a) {
        Long p = priority.get(a);
        if (p == null) {
            throw new IllegalArgumentException(a + " is not a validator");
        }
        return p;
    }

    /** The proposer chosen by the last increment. */
    public Address proposer() {
        return proposer;
    }

    /** {@code IncrementProposerPriority(times)}: rescale, centre, then {@code times} rounds of the weighted choice. */
    public ProposerPriorities increment(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("increment needs times >= 1");
        }
        Map<Address, Long> p = new HashMap<>(priority);
        long total = set.totalPower();
        rescale(p, WINDOW_FACTOR * total);
        centre(p);
        Address chosen = null;
        for (int i = 0; i < times; i++) {
            for (Validator v : set.validators()) {
                p.put(v.address(), addClip(p.get(v.address()), v.power()));
            }
            chosen = highest(p);
            p.put(chosen, subClip(p.get(chosen), total));
        }
        return new ProposerPriorities(set, p, chosen);
    }

    /**
     * {@code updateWithChangeSet}: removals (power 0), power changes (priority kept) and additions (priority
     * −1.125 × new total), then rescale and centre. The proposer field is kept; call {@link #increment} next.
     */
    public ProposerPriorities withUpdates(List<ValidatorUpdate> updates) {
        if (updates.isEmpty()) {
            return this;
        }
        Map<Address, Long> power = new HashMap<>();
        if (set != null) {
            for (Validator v : set.validators()) {
                power.put(v.address(), v.power());
            }
        }
        Map<Address, Long> seen = new HashMap<>();
        for (ValidatorUpdate u : updates) {
            if (seen.put(u.address(), u.power()) != null) {
                throw new IllegalArgumentException("duplicate update for " + u.address());
            }
            if (u.power() == 0 && !power.containsKey(u.address())) {
                throw new IllegalArgumentException("cannot remove " + u.address() + ": not a validator");
            }
        }
        // CometBFT computes the new validators' priority from the total after updates, before removals.
        long totalBeforeRemovals = 0;
        for (Map.Entry<Address, Long> e : power.entrySet()) {
            totalBeforeRemovals += seen.containsKey(e.getKey()) && seen.get(e.getKey()) > 0 ? seen.get(e.getKey()) : e.getValue();
        }
        for (ValidatorUpdate u : updates) {
            if (!power.containsKey(u.address())) {
                totalBeforeRemovals += u.power();
            }
        }
        Map<Address, Long> p = new HashMap<>(priority);
        List<Validator> next = new ArrayList<>();
        for (Map.Entry<Address, Long> e : power.entrySet()) {
            Long upd = seen.get(e.getKey());
            if (upd == null) {
                next.add(new Validator(e.getKey(), e.getValue()));
            } else if (upd > 0) {
                next.add(new Validator(e.getKey(), upd));
            } else {
                p.remove(e.getKey());
            }
        }
        for (ValidatorUpdate u : updates) {
            if (!power.containsKey(u.address())) {
                next.add(new Validator(u.address(), u.power()));
                p.put(u.address(), -(totalBeforeRemovals + (totalBeforeRemovals >> 3)));
            }
        }
        if (next.isEmpty()) {
            throw new IllegalArgumentException("validator updates would remove every validator");
        }
        ValidatorSet ns = new ValidatorSet(next);
        rescale(p, WINDOW_FACTOR * ns.totalPower());
        centre(p);
        return new ProposerPriorities(ns, p, proposer);
    }

    static void rescale(Map<Address, Long> p, long diffMax) {
        if (p.isEmpty() || diffMax <= 0) {
            return;
        }
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (long x : p.values()) {
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        long diff = max - min; // as computeMaxMinPriorityDiff: int64 arithmetic, then the absolute value
        if (diff < 0) {
            diff = -diff;
        }
        if (diff > diffMax) {
            long ratio = (diff + diffMax - 1) / diffMax;
            p.replaceAll((a, x) -> x / ratio);
        }
    }

    static void centre(Map<Address, Long> p) {
        if (p.isEmpty()) {
            return;
        }
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (long x : p.values()) {
            sum = sum.add(java.math.BigInteger.valueOf(x));
        }
        // Go's big.Int.Div is Euclidean division; for a positive divisor that is floor division.
        long avg = floorDiv(sum, p.size());
        p.replaceAll((a, x) -> subClip(x, avg));
    }

    private static long floorDiv(java.math.BigInteger sum, int n) {
        java.math.BigInteger[] qr = sum.divideAndRemainder(java.math.BigInteger.valueOf(n));
        java.math.BigInteger q = qr[1].signum() < 0 ? qr[0].subtract(java.math.BigInteger.ONE) : qr[0];
        return q.longValueExact();
    }

    private static Address highest(Map<Address, Long> p) {
        Address best = null;
        long bestP = 0;
        for (Map.Entry<Address, Long> e : p.entrySet()) {
            if (best == null || e.getValue() > bestP || (e.getValue() == bestP && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestP = e.getValue();
            }
        }
        return best;
    }

    /** CometBFT's {@code safeAddClip}: a + b, saturated at the int64 limits. */
    static long addClip(long a, long b) {
        long c = a + b;
        if (((a ^ c) & (b ^ c)) < 0) { // overflow: the sign of the result differs from both operands'
            return b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return c;
    }

    /** CometBFT's {@code safeSubClip}: a − b, saturated at the int64 limits. */
    static long subClip(long a, long b) {
        long c = a - b;
        if (((a ^ b) & (a ^ c)) < 0) { // overflow: operands of different sign and the result's sign is b's
            return b > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return c;
    }
}
