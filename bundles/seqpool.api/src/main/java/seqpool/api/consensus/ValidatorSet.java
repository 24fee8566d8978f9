package seqpool.api.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;

/**
 * The validators of one height, ordered by address, without duplicates and with a total power ≤ 2^60 (CometBFT's
 * bound, so priorities never overflow). Decisions need more than 2/3 of {@link #totalPower()}. Immutable.
 */
public record ValidatorSet(List<Validator> validators) {
    public static final long MAX_TOTAL_POWER = Long.MAX_VALUE / 8;

    public ValidatorSet {
        if (validators == null || validators.isEmpty()) {
            throw new IllegalArgumentException("a validator set needs at least one validator");
        }
        List<Validator> sorted = new ArrayList<>(validators);
        sorted.sort(Comparator.comparing(Validator::address));
        HashSet<Address> seen = new HashSet<>();
        long total = 0;
        for (Validator v : sorted) {
            if (!seen.add(v.address())) {
                throw new IllegalArgumentException("duplicate validator " + v.address());
            }
            total += v.power();
            if (total > MAX_TOTAL_POWER) {
                throw new IllegalArgumentException("total voting power exceeds 2^60");
            }
        }
        validators = List.copyOf(sorted);
    }

    public long totalPower() {
        long t = 0;
        for (Validator v : validators) {
            t += v.power();
        }
        return t;
    }

    public Optional<Validator> find(Address address) {
        for (Validator v : validators) {
            if (v.address().equals(address)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public long powerOf(Address address) {
        return find(address).map(Validator::power).orElse(0L);
    }

    public int size() {
        return validators.size();
    }
}
