package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.TssException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.FrostHelper;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.PlainSchnorrVerifier;
import seqpool.tss.testing.VssRun;

/**
 * Scenario tests n5t3 with one Byzantine party: each fault is detected, the right party is named, and every honest
 * party either completes with the same valid key (the cheater excluded) or aborts — none accepts a bad key.
 */
class ByzantineDkgTest {
    static final Committee C = new Committee(Parties.range(1, 5), 3);
    static final Address EVIL = Parties.address(3);
    static final Address VICTIM = Parties.address(5);

    /** Sends its victim a share off the polynomial. */
    static final class InconsistentShareDealer extends VssDealer {
        InconsistentShareDealer(BigInteger c, int t, SecureRandom r) {
            super(c, t, r);
        }

        @Override
        protected BigInteger shareFor(int receiver) {
            BigInteger s = super.shareFor(receiver);
            return receiver == C.identifierOf(VICTIM) ? s.add(BigInteger.ONE).mod(Secp256k1Group.N) : s;
        }
    }

    /** Publishes a commitment whose linear term is not its polynomial's. */
    static final class WrongCommitmentDealer extends VssDealer {
        WrongCommitmentDealer(BigInteger c, int t, SecureRandom r) {
            super(c, t, r);
        }

        @Override
        protected List<ECPoint> commitments() {
            List<ECPoint> cs = new java.util.ArrayList<>(super.commitments());
            cs.set(1, cs.get(1).add(Secp256k1Group.G).normalize());
            return cs;
        }
    }

    /** Proves knowledge of some other secret. */
    static final class BadProofDealer extends VssDealer {
        BadProofDealer(BigInteger c, int t, SecureRandom r) {
            super(c, t, r);
        }

        @Override
        protected SchnorrProof proof(byte[] sid, int id, ECPoint c0, SecureRandom random) {
            return SchnorrProof.prove(sid, id, BigInteger.TWO, c0, random);
        }
    }

    static final Address COLLUDER_1 = Parties.address(1);
    static final Address COLLUDER_2 = Parties.address(2);
    static final BigInteger DELTA = BigInteger.valueOf(0x5eed);

    /** n1: +δ on its share to n5, and a bad share to n3 (who complains, which disqualifies n1). */
    static final class PlusDeltaDealer extends VssDealer {
        PlusDeltaDealer(BigInteger c, int t, SecureRandom r) {
            super(c, t, r);
        }

        @Override
        protected BigInteger shareFor(int receiver) {
            BigInteger s = super.shareFor(receiver);
            if (receiver == C.identifierOf(VICTIM)) {
                return s.add(DELTA).mod(Secp256k1Group.N);
            }
            return receiver == C.identifierOf(EVIL) ? s.add(BigInteger.ONE).mod(Secp256k1Group.N) : s;
        }
    }

    /** n2: −δ on its share to n5, so that a plain sum of n5's shares still matches the summed commitments. */
    static final class MinusDeltaDealer extends VssDealer {
        MinusDeltaDealer(BigInteger c, int t, SecureRandom r) {
            super(c, t, r);
        }

        @Override
        protected BigInteger shareFor(int receiver) {
            BigInteger s = super.shareFor(receiver);
            return receiver == C.identifierOf(VICTIM) ? s.subtract(DELTA).mod(Secp256k1Group.N) : s;
        }
    }

    /**
     * Colluding dealers n1 and n2 send n5 shares off by +δ and −δ, and n1 also cheats n3, whose complaint disqualifies
     * n1. A batch check that sums n5's shares let the offsets cancel: n5 did not complain, then combined n2's bad
     * share without n1's and aborted naming nobody, while n1..n4 timed out naming n5. With random weights n5 complains
     * about both, both are excluded, and everyone completes naming exactly n1 and n2. The merged trace is written for
     * the specs module (n1 and n2 declared Byzantine in the file name).
     */
    @Test
    void colludingDealersCannotGetAnHonestReceiverBlamed() throws Exception {
        Path file = Path.of("target", "traces", "tss-dkg-colluding-dealers.byz-n1,n2.ndjson");
        List<String> trace = new java.util.ArrayList<>();
        try (NdjsonTraceWriter writer = NdjsonTraceWriter.toFile(file)) {
            TraceSink both = (node, event, f) -> {
                trace.add(event + f);
                writer.record(node, event, f);
            };
            VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 1, C), Map.of(), 77, both,
                    Map.of(COLLUDER_1, PlusDeltaDealer::new, COLLUDER_2, MinusDeltaDealer::new), List.of()).run();
            assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
            assertEquals(5, run.outcomes.size());
            Set<String> keys = new HashSet<>();
            run.outcomes.forEach((a, o) -> {
                VssEffect.Completed c = (VssEffect.Completed) o;
                assertEquals(Set.of(COLLUDER_1, COLLUDER_2), c.culprits(), "culprits seen by " + Parties.name(a));
                keys.add(java.util.HexFormat.of().formatHex(c.publicKeys().groupKeyBytes()));
            });
            assertEquals(1, keys.size());
            for (String accused : List.of("n1", "n2")) {
                assertTrue(trace.stream().anyMatch(e -> e.startsWith("DkgComplaint") && e.contains("accuser=n5")
                        && e.contains("accused=" + accused)), trace::toString);
            }
            List<KeyShare> quorum = List.of(run.shares().get(Parties.address(3)), run.shares().get(Parties.address(4)),
                    run.shares().get(VICTIM));
            byte[] msg = "colluders excluded".getBytes();
            assertTrue(PlainSchnorrVerifier.verify(quorum.get(0).publicKeys().groupKeyBytes(), msg,
                    FrostHelper.sign(quorum, msg, new SecureRandom()).encode()));
        }
    }

    private static VssRun run(Map<Address, VssDealer.Factory> byz, List<Address> absent) {
        return new VssRun(VssConfig.dkg(KeyId.of("k"), 1, C), Map.of(), 99, TraceSink.NONE, byz, absent).run();
    }

    /** The honest parties completed with one key that signs, and named exactly {@code culprit}. */
    private static void assertExcludedAndHonestAgree(VssRun run, Address culprit) throws Exception {
        assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
        Set<String> keys = new HashSet<>();
        run.outcomes.forEach((a, o) -> {
            VssEffect.Completed c = (VssEffect.Completed) o;
            assertEquals(Set.of(culprit), c.culprits(), "culprits seen by " + Parties.name(a));
            keys.add(java.util.HexFormat.of().formatHex(c.publicKeys().groupKeyBytes()));
        });
        assertEquals(1, keys.size(), "honest parties disagree on the group key");
        List<KeyShare> quorum = List.copyOf(run.shares().values()).subList(0, 3);
        byte[] msg = "m".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(quorum.get(0).publicKeys().groupKeyBytes(), msg,
                FrostHelper.sign(quorum, msg, new SecureRandom()).encode()));
    }

    @Test
    void inconsistentShareIsComplainedAboutAndDealerExcluded() throws Exception {
        List<String> trace = new java.util.ArrayList<>();
        VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 1, C), Map.of(), 99,
                (node, event, f) -> trace.add(event + f), Map.of(EVIL, InconsistentShareDealer::new), List.of()).run();
        assertExcludedAndHonestAgree(run, EVIL);
        assertTrue(trace.stream().anyMatch(e -> e.startsWith("DkgComplaint") && e.contains("accuser=n5")
                && e.contains("accused=n3")), trace::toString);
    }

    @Test
    void wrongCommitmentIsDetectedByEveryReceiver() throws Exception {
        assertExcludedAndHonestAgree(run(Map.of(EVIL, WrongCommitmentDealer::new), List.of()), EVIL);
    }

    @Test
    void badProofOfKnowledgeDisqualifiesTheDealer() throws Exception {
        assertExcludedAndHonestAgree(run(Map.of(EVIL, BadProofDealer::new), List.of()), EVIL);
    }

    @Test
    void silentPartyTimesOutAndIsNamed() {
        VssRun run = run(Map.of(), List.of(EVIL));
        assertEquals(4, run.aborts().size());
        run.aborts().forEach(a -> {
            assertEquals(TssException.Kind.TIMEOUT, a.kind());
            assertEquals(Set.of(EVIL), a.culprits());
        });
    }

    @Test
    void equivocatingDealerAbortsTheRunAndIsNamed() {
        VssConfig cfg = VssConfig.dkg(KeyId.of("k"), 1, C);
        VssRun run = new VssRun(cfg, Map.of(), 5, TraceSink.NONE, Map.of(), List.of());
        // n3 sends n5 a different Deal than everybody else (a flipped bit inside a ciphertext).
        run.net.interceptor(e -> {
            byte[] p = e.payload();
            if (e.from().equals(EVIL) && e.to().equals(VICTIM) && p[0] == 3) {
                p = p.clone();
                p[p.length - 1] ^= 1;
            }
            return p;
        });
        run.run();
        assertEquals(5, run.aborts().size(), "nobody may complete");
        run.aborts().forEach(a -> assertTrue(a.culprits().contains(EVIL), a.toString()));
    }

    @Test
    void malformedMessageAbortsNamingTheSender() {
        VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 1, C), Map.of(), 6, TraceSink.NONE, Map.of(), List.of());
        run.net.interceptor(e -> e.from().equals(EVIL) && e.payload()[0] == 2 ? new byte[] {2, 1, 2} : e.payload());
        run.run();
        run.outcomes.forEach((a, o) -> {
            if (!a.equals(EVIL)) {
                assertEquals(Set.of(EVIL), ((VssEffect.Aborted) o).culprits(), Parties.name(a));
            }
        });
    }
}
