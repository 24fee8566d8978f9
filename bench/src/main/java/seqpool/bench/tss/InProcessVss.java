package seqpool.bench.tss;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.tss.Committee;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;
import seqpool.tss.vss.VssDealer;
import seqpool.tss.vss.VssEffect;
import seqpool.tss.vss.VssSession;

/** Runs every party of one VSS session in this thread with FIFO delivery (encode/decode included). */
final class InProcessVss {
    private InProcessVss() {
    }

    static List<Address> parties(int n) {
        List<Address> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            byte[] b = new byte[20];
            b[19] = (byte) i;
            out.add(new Address(Bytes.wrap(b)));
        }
        return out;
    }

    static Map<Address, KeyShare> run(VssConfig cfg, Map<Address, KeyShare> old, SecureRandom random) {
        Map<Address, VssSession> sessions = new LinkedHashMap<>();
        for (Address p : cfg.parties()) {
            sessions.put(p, new VssSession(cfg, p, old.get(p), random, a -> a.toString(), VssDealer.Factory.HONEST));
        }
        record Msg(Address from, Address to, byte[] payload) {
        }
        Deque<Msg> queue = new ArrayDeque<>();
        Map<Address, KeyShare> out = new LinkedHashMap<>();
        java.util.function.BiConsumer<Address, List<VssEffect>> handle = (self, effects) -> {
            for (VssEffect e : effects) {
                if (e instanceof VssEffect.Broadcast b) {
                    byte[] bytes = b.message().encode();
                    for (Address p : cfg.parties()) {
                        if (!p.equals(self)) {
                            queue.add(new Msg(self, p, bytes));
                        }
                    }
                } else if (e instanceof VssEffect.Completed c) {
                    if (c.share() != null) {
                        out.put(self, c.share());
                    }
                } else if (e instanceof VssEffect.Aborted a) {
                    throw new IllegalStateException("session aborted: " + a.reason());
                }
            }
        };
        sessions.forEach((a, s) -> handle.accept(a, s.start()));
        while (!queue.isEmpty()) {
            Msg m = queue.poll();
            handle.accept(m.to(), sessions.get(m.to()).onMessage(m.from(), m.payload()));
        }
        if (out.size() != cfg.receivers().size()) {
            throw new IllegalStateException("not every receiver completed");
        }
        return out;
    }

    static Map<Address, KeyShare> dkg(int n, int t, SecureRandom random) {
        return run(VssConfig.dkg(seqpool.api.tss.KeyId.of("bench"), 1, new Committee(parties(n), t)), Map.of(), random);
    }
}
