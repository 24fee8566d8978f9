package seqpool.consensus.validators;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.ValidatorUpdate;

/**
 * The validator sets of the height being decided and of the next one, following CometBFT's state update: set(1) is
 * the genesis set, set(2) = set(1) incremented once, and after committing height H with updates U,
 * set(H+2) = set(H+1) with U applied, incremented once. So updates returned at H take effect at H+2. The proposer of
 * round r at height h is set(h) incremented r more times. Immutable.
 */
public record ValidatorSchedule(long height, ProposerPriorities current, ProposerPriorities next) {
    public ValidatorSchedule {
        if (height < 1 || current == null || next == null) {
            throw new IllegalArgumentException("schedule needs height >= 1 and two sets");
        }
    }

    public static ValidatorSchedule genesis(ValidatorSet genesis) {
        ProposerPriorities first = ProposerPriorities.genesis(genesis);
        return new ValidatorSchedule(1, first, first.increment(1));
    }

    /** The schedule for height + 1 after committing {@link #height()} with the application's updates. */
    public ValidatorSchedule afterCommit(List<ValidatorUpdate> updates) {
        return new ValidatorSchedule(height + 1, next, next.withUpdates(updates).increment(1));
    }

    public ValidatorSet validators() {
        return current.set();
    }

    /** proposer(height, round). */
    public Address proposer(int round) {
        return round == 0 ? current.proposer() : current.increment(round).proposer();
    }

    /**
     * The round-0 proposers of heights {@code height + 1 … height + count}, as far as known now: updates returned at
     * {@link #height()} itself (effective at height + 2) are not applied yet, so the guess can be wrong past height + 1.
     */
    public List<Address> upcomingProposers(int count) {
        List<Address> out = new ArrayList<>(count);
        ProposerPriorities p = next;
        for (int i = 0; i < count; i++) {
            out.add(p.proposer());
            p = p.increment(1);
        }
        return out;
    }
}
