package seqpool.tss.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.trace.TraceSink;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;
import seqpool.tss.vss.VssDealer;
import seqpool.tss.vss.VssEffect;
import seqpool.tss.vss.VssSession;

/** Runs one VSS session (DKG or reshare) for every party over a {@link SimNetwork}; collects outcomes and traces. */
public final class VssRun {
    public final SimNetwork net;
    public final Map<Address, VssSession> sessions = new LinkedHashMap<>();
    public final Map<Address, VssEffect> outcomes = new LinkedHashMap<>();
    private final TraceSink trace;

    public VssRun(VssConfig cfg, Map<Address, KeyShare> oldShares, long seed, TraceSink trace,
            Map<Address, VssDealer.Factory> byzantine, List<Address> absent) {
        this.net = new SimNetwork(seed, 0.1);
        this.trace = trace;
        SecureRandom rnd = deterministic(seed);
        for (Address p : cfg.parties()) {
            if (absent.contains(p)) {
                continue;
            }
            VssSession s = new VssSession(cfg, p, oldShares.get(p), rnd, Parties::name,
                    byzantine.getOrDefault(p, VssDealer.Factory.HONEST));
            sessions.put(p, s);
            net.register(p, (from, payload) -> handle(p, s.onMessage(from, payload)));
        }
    }

    public static SecureRandom deterministic(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(Address self, List<VssEffect> effects) {
        VssSession s = sessions.get(self);
        for (VssEffect e : effects) {
            if (e instanceof VssEffect.Broadcast b) {
                byte[] bytes = b.message().encode();
                for (Address p : s.config().parties()) {
                    if (!p.equals(self)) {
                        net.send(self, p, bytes);
                    }
                }
            } else if (e instanceof VssEffect.Trace t) {
                trace.record(Parties.name(self), t.event(), t.fields());
            } else {
                outcomes.put(self, e);
                if (e instanceof VssEffect.Completed c && c.erasableGeneration() > 0) {
                    trace.record(Parties.name(self), "GenerationErased", Map.of("generation", c.erasableGeneration()));
                }
            }
        }
    }

    /**
     * Starts every session, delivers everything, then fires the dealer deadline of every unfinished session (a
     * reshare stops waiting for silent dealers), delivers again, then fires the timeout of every unfinished session.
     */
    public VssRun run() {
        sessions.forEach((a, s) -> handle(a, s.start()));
        net.runToQuiescence();
        sessions.forEach((a, s) -> {
            if (!s.isFinished()) {
                handle(a, s.onDealerDeadline());
            }
        });
        net.runToQuiescence();
        sessions.forEach((a, s) -> {
            if (!s.isFinished()) {
                handle(a, s.onTimeout());
            }
        });
        return this;
    }

    public Map<Address, KeyShare> shares() {
        Map<Address, KeyShare> out = new LinkedHashMap<>();
        outcomes.forEach((a, o) -> {
            if (o instanceof VssEffect.Completed c && c.share() != null) {
                out.put(a, c.share());
            }
        });
        return out;
    }

    public List<VssEffect.Aborted> aborts() {
        List<VssEffect.Aborted> out = new ArrayList<>();
        outcomes.values().forEach(o -> {
            if (o instanceof VssEffect.Aborted a) {
                out.add(a);
            }
        });
        return out;
    }
}
