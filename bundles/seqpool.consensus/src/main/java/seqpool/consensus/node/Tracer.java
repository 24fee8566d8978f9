package seqpool.consensus.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.trace.TraceSink;

/**
 * Records the protocol events that {@code specs/Tendermint.tla} validates: {@code Propose{height,round,proposer,value,
 * validRound}}, {@code Prevote/Precommit{height,round,voter,value}}, {@code Decide{height,round,value}},
 * {@code NewRound{height,round}}. Values are 0x-prefixed block-id hex, "nil" for nil; nodes by their trace names.
 * Before its events of a height a node records that height's validators,
 * {@code ValidatorSet{height,validators,powers}} (names and voting powers in the set's order; again after a restart):
 * the trace checker counts quorums with it, not with the nodes that happen to appear in the trace.
 */
final class Tracer {
    private final TraceSink sink;
    private final String node;
    private final Map<Address, String> names;

    Tracer(TraceSink sink, String node, Map<Address, String> names) {
        this.sink = sink;
        this.node = node;
        this.names = names;
    }

    static String value(Hash32 id) {
        return id.isZero() ? "nil" : "0x" + id.value().toHex();
    }

    private String name(Address a) {
        return names.getOrDefault(a, a.toHex());
    }

    void validatorSet(long h, ValidatorSet set) {
        List<String> validators = new ArrayList<>();
        List<Long> powers = new ArrayList<>();
        for (Validator v : set.validators()) {
            validators.add(name(v.address()));
            powers.add(v.power());
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("height", h);
        f.put("validators", validators);
        f.put("powers", powers);
        sink.record(node, "ValidatorSet", f);
    }

    void newRound(long h, int r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("height", h);
        f.put("round", r);
        sink.record(node, "NewRound", f);
    }

    void propose(long h, int r, Address proposer, Hash32 value, int validRound) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("height", h);
        f.put("round", r);
        f.put("proposer", name(proposer));
        f.put("value", value(value));
        f.put("validRound", validRound);
        sink.record(node, "Propose", f);
    }

    void vote(boolean prevote, long h, int r, Address voter, Hash32 value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("height", h);
        f.put("round", r);
        f.put("voter", name(voter));
        f.put("value", value(value));
        sink.record(node, prevote ? "Prevote" : "Precommit", f);
    }

    void decide(long h, int r, Hash32 value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("height", h);
        f.put("round", r);
        f.put("value", value(value));
        sink.record(node, "Decide", f);
    }
}
