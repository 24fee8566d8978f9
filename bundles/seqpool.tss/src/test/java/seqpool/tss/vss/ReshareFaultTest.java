package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
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
import seqpool.tss.share.PublicKeyPackage;
import seqpool.tss.testing.FrostHelper;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.PlainSchnorrVerifier;
import seqpool.tss.testing.VssRun;

/**
 * Reshares 4 (threshold 3) → 5 (threshold 4) with faulty old members: a silent dealer does not stop the reshare (any
 * qualified set of at least the old threshold completes it); a dealer that cheats is named by every party, joiners
 * included, which check the deals against the old public keys the deals carry with their certificate.
 */
class ReshareFaultTest {
    private static final KeyId KEY = KeyId.of("pool.batch");
    static final Committee OLD = new Committee(Parties.range(1, 4), 3);
    /** n3 and n4 stay, n5, n6 and n7 join; n1 and n2 only deal. */
    static final Committee NEW = new Committee(Parties.range(3, 7), 4);
    static final Address CHEATER = Parties.address(1);
    static final List<Address> JOINERS = Parties.range(5, 7);

    private static Map<Address, KeyShare> dkg() {
        return dkg(TraceSink.NONE);
    }

    private static Map<Address, KeyShare> dkg(TraceSink trace) {
        return new VssRun(VssConfig.dkg(KEY, 1, OLD), Map.of(), 41, trace, Map.of(), List.of()).run().shares();
    }

    private static VssConfig reshareConfig(Map<Address, KeyShare> g1) {
        return VssConfig.reshare(KEY, 2, OLD, OLD.members(), 1, NEW,
                g1.values().iterator().next().publicKeys().groupKey());
    }

    private static void signsWithTheSameKey(Map<Address, KeyShare> g1, Map<Address, KeyShare> g2) throws Exception {
        assertEquals(NEW.size(), g2.size());
        byte[] groupKey = g1.values().iterator().next().publicKeys().groupKeyBytes();
        g2.values().forEach(s -> assertTrue(java.util.Arrays.equals(groupKey, s.publicKeys().groupKeyBytes())));
        List<KeyShare> quorum = new ArrayList<>(g2.values()).subList(1, 5);
        byte[] msg = "after the reshare".getBytes();
        assertTrue(PlainSchnorrVerifier.verify(groupKey, msg, FrostHelper.sign(quorum, msg, new SecureRandom()).encode()));
    }

    /** Every party completed and named exactly {@code culprits}. */
    private static void completedNaming(VssRun run, Set<Address> culprits, int parties) {
        assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
        assertEquals(parties, run.outcomes.size());
        run.outcomes.forEach((a, o) -> assertEquals(culprits, assertInstanceOf(VssEffect.Completed.class, o).culprits(),
                "culprits seen by " + Parties.name(a)));
    }

    /** Old member n1 is down: n2..n4 deal, the reshare completes, generation 1 is erased by the dealers that completed. */
    @Test
    void aSilentOldMemberDoesNotStopTheReshare() throws Exception {
        List<String> events = new ArrayList<>();
        Path file = Path.of("target", "traces", "reshare-silent-dealer.ndjson");
        Map<Address, KeyShare> g1;
        VssRun run;
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(file)) {
            g1 = dkg(trace);
            run = new VssRun(reshareConfig(g1), g1, 42, (n, e, f) -> {
                events.add(n + " " + e);
                trace.record(n, e, f);
            }, Map.of(), List.of(Parties.address(1))).run();
        }
        completedNaming(run, Set.of(), 6);
        signsWithTheSameKey(g1, run.shares());
        assertEquals(3, events.stream().filter(e -> e.endsWith("ReshareDealt")).count(), events::toString);
        assertEquals(List.of("n2 GenerationErased", "n3 GenerationErased", "n4 GenerationErased"),
                events.stream().filter(e -> e.endsWith("GenerationErased")).sorted().toList());
    }

    /** Two of four old members down: fewer than the old threshold dealt, everyone times out naming them, nobody erases. */
    @Test
    void fewerThanTheOldThresholdOfDealersAborts() {
        Map<Address, KeyShare> g1 = dkg();
        List<String> events = new ArrayList<>();
        VssRun run = new VssRun(reshareConfig(g1), g1, 43, (n, e, f) -> events.add(e), Map.of(),
                List.of(Parties.address(1), Parties.address(2))).run();
        assertEquals(5, run.aborts().size());
        run.aborts().forEach(a -> {
            assertEquals(TssException.Kind.TIMEOUT, a.kind(), a.reason());
            assertEquals(Set.of(Parties.address(1), Parties.address(2)), a.culprits(), a.reason());
        });
        assertFalse(events.contains("GenerationErased"));
    }

    /**
     * n1 deals a constant other than λ_1·x_1. Old members caught it by their own old public share; joiners used to
     * see only that the constants did not sum to the group key and aborted naming nobody. Now the deals carry the
     * certified old public keys: everyone, joiners included, excludes n1 by the λ_1·X_1 check and names it, and the
     * reshare completes with n2..n4. The trace is written for the specs module (n1 declared Byzantine).
     */
    @Test
    void aDealerCheatingJoinersIsNamedByThem() throws Exception {
        Map<Address, KeyShare> g1;
        VssRun run;
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(Path.of("target", "traces",
                "tss-reshare-cheating-dealer.byz-n1.ndjson"))) {
            g1 = dkg(trace);
            run = new VssRun(reshareConfig(g1), g1, 44, trace,
                    Map.of(CHEATER, (c, t, r) -> new VssDealer(c.add(BigInteger.ONE), t, r)), List.of()).run();
        }
        completedNaming(run, Set.of(CHEATER), 7);
        JOINERS.forEach(j -> assertTrue(run.outcomes.containsKey(j)));
        signsWithTheSameKey(g1, run.shares());
    }

    /**
     * n1 deals a wrong constant and carries forged old public keys that agree with it: a valid sharing of the group
     * key, but without the certificate (it cannot forge the other members' confirmations). The honest deals carry the
     * certified keys, so every party excludes n1.
     */
    @Test
    void forgedOldPublicKeysWithoutCertificateAreExcluded() throws Exception {
        Map<Address, KeyShare> g1 = dkg();
        VssConfig cfg = reshareConfig(g1);
        PublicKeyPackage real = g1.get(CHEATER).publicKeys();
        ECPoint shift = Secp256k1Group.mulG(cfg.dealerLambda(CHEATER).modInverse(Secp256k1Group.N));
        PublicKeyPackage forged = sharingThrough(real, Map.of(1, real.publicShare(1).add(shift).normalize(),
                2, real.publicShare(2)));
        VssDealer.Factory forger = (c, t, r) -> new VssDealer(c.add(BigInteger.ONE), t, r) {
            @Override
            protected VssMessage.OldGeneration oldGeneration(VssMessage.OldGeneration honest) {
                return new VssMessage.OldGeneration(forged, null);
            }
        };
        VssRun run = new VssRun(cfg, g1, 45, TraceSink.NONE, Map.of(CHEATER, forger), List.of()).run();
        completedNaming(run, Set.of(CHEATER), 7);
        signsWithTheSameKey(g1, run.shares());
    }

    /** The same forged keys with the real certificate attached: the certificate does not verify, n1 is excluded. */
    @Test
    void oldPublicKeysThatTheCertificateDoesNotCoverAreExcluded() throws Exception {
        Map<Address, KeyShare> g1 = dkg();
        VssConfig cfg = reshareConfig(g1);
        PublicKeyPackage real = g1.get(CHEATER).publicKeys();
        ECPoint shift = Secp256k1Group.mulG(cfg.dealerLambda(CHEATER).modInverse(Secp256k1Group.N));
        PublicKeyPackage forged = sharingThrough(real, Map.of(1, real.publicShare(1).add(shift).normalize(),
                2, real.publicShare(2)));
        VssDealer.Factory forger = (c, t, r) -> new VssDealer(c.add(BigInteger.ONE), t, r) {
            @Override
            protected VssMessage.OldGeneration oldGeneration(VssMessage.OldGeneration honest) {
                return new VssMessage.OldGeneration(forged, honest.certificate());
            }
        };
        VssRun run = new VssRun(cfg, g1, 46, TraceSink.NONE, Map.of(CHEATER, forger), List.of()).run();
        completedNaming(run, Set.of(CHEATER), 7);
        assertEquals("the old certificate's confirmation of member 1 does not verify",
                new OldGenerationCheck(cfg).problem(new VssMessage.OldGeneration(forged, g1.get(CHEATER).certificate()
                        .orElseThrow())));
        assertEquals(null, new OldGenerationCheck(cfg).problem(new VssMessage.OldGeneration(real,
                g1.get(CHEATER).certificate().orElseThrow())));
    }

    /** The threshold-3 sharing of the real group key through the given points (identifiers 1..3 of 4). */
    static PublicKeyPackage sharingThrough(PublicKeyPackage real, Map<Integer, ECPoint> fixed) {
        List<Integer> base = List.of(0, 1, 2);
        Map<Integer, ECPoint> at = new HashMap<>(fixed);
        at.put(0, real.groupKey());
        Map<Integer, ECPoint> publics = new HashMap<>();
        for (int x = 1; x <= 4; x++) {
            ECPoint[] ps = new ECPoint[3];
            BigInteger[] ks = new BigInteger[3];
            for (int i = 0; i < 3; i++) {
                ps[i] = at.get(base.get(i));
                ks[i] = lagrangeWithZero(x, base.get(i), base);
            }
            publics.put(x, Secp256k1Group.sumOfMultiplies(ps, ks));
        }
        return new PublicKeyPackage(real.groupKey(), publics, real.threshold());
    }

    /** Lagrange basis of xi over xs (which may contain 0), at x. */
    private static BigInteger lagrangeWithZero(int x, int xi, List<Integer> xs) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int xj : xs) {
            if (xj != xi) {
                num = num.multiply(BigInteger.valueOf(x - xj));
                den = den.multiply(BigInteger.valueOf(xi - xj));
            }
        }
        return num.multiply(den.mod(Secp256k1Group.N).modInverse(Secp256k1Group.N)).mod(Secp256k1Group.N);
    }

}
