package seqpool.consensus.votes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.SignedVote;

/**
 * One round's votes of one kind, as the paper counts them: for each value ({@link Hash32#ZERO} = nil) the distinct
 * validators that sent a vote for it, and the distinct validators that sent any vote. A validator that equivocates
 * counts once for each value it voted for (its messages are in the log), and once for "any".
 */
final class RoundVotes {
    private final Map<Hash32, LinkedHashMap<Address, SignedVote>> byValue = new LinkedHashMap<>();
    private final Map<Address, SignedVote> firstByVoter = new HashMap<>();
    private final Map<Hash32, Long> powerByValue = new HashMap<>();
    private long anyPower;

    SignedVote first(Address voter) {
        return firstByVoter.get(voter);
    }

    int valuesOf(Address voter) {
        int n = 0;
        for (LinkedHashMap<Address, SignedVote> m : byValue.values()) {
            if (m.containsKey(voter)) {
                n++;
            }
        }
        return n;
    }

    boolean has(Address voter, Hash32 value) {
        LinkedHashMap<Address, SignedVote> m = byValue.get(value);
        return m != null && m.containsKey(voter);
    }

    void add(SignedVote v, long power) {
        Address voter = v.vote().voter();
        Hash32 value = v.vote().blockId();
        byValue.computeIfAbsent(value, k -> new LinkedHashMap<>()).put(voter, v);
        powerByValue.merge(value, power, Long::sum);
        if (firstByVoter.putIfAbsent(voter, v) == null) {
            anyPower += power;
        }
    }

    long powerFor(Hash32 value) {
        return powerByValue.getOrDefault(value, 0L);
    }

    long anyPower() {
        return anyPower;
    }

    Map<Hash32, Long> powerByValue() {
        return powerByValue;
    }

    List<SignedVote> votesFor(Hash32 value) {
        LinkedHashMap<Address, SignedVote> m = byValue.get(value);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    Collection<Address> voters() {
        return firstByVoter.keySet();
    }

    List<SignedVote> all() {
        List<SignedVote> out = new ArrayList<>();
        for (LinkedHashMap<Address, SignedVote> m : byValue.values()) {
            out.addAll(m.values());
        }
        return out;
    }
}
