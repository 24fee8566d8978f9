package seqpool.consensus.votes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.SignedVote;

/** One round's votes of one kind: first vote per validator and power per value ({@link Hash32#ZERO} = nil). */
final class RoundVotes {
    private final Map<Address, SignedVote> byVoter = new LinkedHashMap<>();
    private final Map<Hash32, Long> powerByValue = new HashMap<>();
    private long totalPower;

    Optional<SignedVote> of(Address voter) {
        return Optional.ofNullable(byVoter.get(voter));
    }

    void add(SignedVote v, long power) {
        byVoter.put(v.vote().voter(), v);
        powerByValue.merge(v.vote().blockId(), power, Long::sum);
        totalPower += power;
    }

    long powerFor(Hash32 value) {
        return powerByValue.getOrDefault(value, 0L);
    }

    long totalPower() {
        return totalPower;
    }

    Map<Hash32, Long> powerByValue() {
        return powerByValue;
    }

    List<SignedVote> votesFor(Hash32 value) {
        List<SignedVote> out = new ArrayList<>();
        for (SignedVote v : byVoter.values()) {
            if (v.vote().blockId().equals(value)) {
                out.add(v);
            }
        }
        return out;
    }

    boolean hasVoter(Address a) {
        return byVoter.containsKey(a);
    }

    java.util.Collection<SignedVote> all() {
        return byVoter.values();
    }
}
