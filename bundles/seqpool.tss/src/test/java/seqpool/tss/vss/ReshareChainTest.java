package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.trace.NdjsonTraceWriter;
import seqpool.tss.frost.FrostException;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.FrostHelper;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.PlainSchnorrVerifier;
import seqpool.tss.testing.VssRun;

/**
 * A reshare chain 4 → 7 → 5 → 9 members with thresholds 3 → 5 → 3 → 6: the group key stays the same, each
 * generation signs, an earlier generation's shares are rejected by the new generation, a failed reshare leaves the
 * old generation usable. Writes the merged trace to target/traces/reshare-chain.ndjson.
 */
class ReshareChainTest {
    private static final KeyId KEY = KeyId.of("pool.batch");

    record Gen(Committee committee, Map<Address, KeyShare> shares, int generation) {
    }

    private static Gen reshare(Gen old, List<Address> dealers, Committee next, long seed, TraceSink trace) {
        KeyShare any = old.shares().values().iterator().next();
        VssConfig cfg = VssConfig.reshare(KEY, seed, old.committee(), dealers, old.generation(), next,
                any.publicKeys().groupKey());
        VssRun run = new VssRun(cfg, old.shares(), seed, trace, Map.of(), List.of()).run();
        assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
        assertEquals(next.size(), run.shares().size());
        return new Gen(next, run.shares(), old.generation() + 1);
    }

    private static void signsWithQuorums(Gen g, byte[] groupKey, long seed) throws Exception {
        List<KeyShare> all = new ArrayList<>(g.shares().values());
        Random r = new Random(seed);
        for (int i = 0; i < 4; i++) {
            java.util.Collections.shuffle(all, r);
            List<KeyShare> q = all.subList(0, g.committee().threshold());
            byte[] msg = ("gen " + g.generation() + " try " + i).getBytes();
            assertTrue(PlainSchnorrVerifier.verify(groupKey, msg, FrostHelper.sign(q, msg, new SecureRandom()).encode()));
        }
        if (g.committee().threshold() > 1) {
            assertThrows(seqpool.tss.frost.InvalidSigningPackageException.class,
                    () -> FrostHelper.sign(all.subList(0, g.committee().threshold() - 1), new byte[1], new SecureRandom()));
        }
    }

    @Test
    void chainKeepsTheGroupKey() throws Exception {
        Path file = Path.of("target", "traces", "reshare-chain.ndjson");
        try (NdjsonTraceWriter trace = NdjsonTraceWriter.toFile(file)) {
            Committee c1 = new Committee(Parties.range(1, 4), 3);
            VssRun dkg = new VssRun(VssConfig.dkg(KEY, 1, c1), Map.of(), 1, trace, Map.of(), List.of()).run();
            Gen g1 = new Gen(c1, dkg.shares(), 1);
            byte[] groupKey = g1.shares().values().iterator().next().publicKeys().groupKeyBytes();
            signsWithQuorums(g1, groupKey, 1);

            Committee c2 = new Committee(Parties.range(2, 8), 5);
            Gen g2 = reshare(g1, c1.members(), c2, 2, trace);
            signsWithQuorums(g2, groupKey, 2);

            Committee c3 = new Committee(List.of(Parties.address(4), Parties.address(5), Parties.address(6),
                    Parties.address(7), Parties.address(9)), 3);
            // Only a quorum (5 of 7) of generation 2 deals.
            Gen g3 = reshare(g2, Parties.range(2, 6), c3, 3, trace);
            signsWithQuorums(g3, groupKey, 3);

            Committee c4 = new Committee(Parties.range(1, 9), 6);
            Gen g4 = reshare(g3, c3.members(), c4, 4, trace);
            signsWithQuorums(g4, groupKey, 4);
            for (Gen g : List.of(g2, g3, g4)) {
                g.shares().values().forEach(s -> assertTrue(java.util.Arrays.equals(groupKey, s.publicKeys().groupKeyBytes())));
            }

            // An earlier generation's share is rejected by the new generation's sessions.
            KeyShare oldShareOf4 = g2.shares().get(Parties.address(4));
            VssConfig next = VssConfig.reshare(KEY, 5, c3, c3.members(), 3, c4, g3.shares().get(Parties.address(4))
                    .publicKeys().groupKey());
            assertThrows(IllegalArgumentException.class, () -> new VssSession(next, Parties.address(4), oldShareOf4,
                    new SecureRandom(), Parties::name, VssDealer.Factory.HONEST));
            // ... and by the new generation's signing: mixing in a generation-3 share names that signer.
            List<KeyShare> mixed = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                mixed.add(g4.shares().get(Parties.address(i)));
            }
            KeyShare stale = g3.shares().get(Parties.address(4));
            KeyShare forged = new KeyShare(c4.identifierOf(Parties.address(5)), 4, stale.secret(),
                    withPublicShare(g4, c4.identifierOf(Parties.address(5)), stale));
            mixed.set(4, forged);
            FrostException e = assertThrows(FrostException.class, () -> FrostHelper.signWithKeys(mixed,
                    new byte[] {1}, new SecureRandom(), g4.shares().get(Parties.address(1)).publicKeys()));
            assertEquals(Set.of(c4.identifierOf(Parties.address(5))), e.culprits());
        }
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"ReshareStarted\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"ReshareAcked\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"GenerationErased\"") && l.contains("\"generation\":3")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"DkgCompleted\"")));
        // No event carries secret material: only the listed fields appear.
        assertFalse(lines.stream().anyMatch(l -> l.contains("secret")));
    }

    /** A public key package equal to g's but claiming the stale share's public key for {@code id}. */
    private static seqpool.tss.share.PublicKeyPackage withPublicShare(Gen g, int id, KeyShare stale) {
        var pk = g.shares().values().iterator().next().publicKeys();
        Map<Integer, org.bouncycastle.math.ec.ECPoint> publics = new HashMap<>(pk.publicShares());
        publics.put(id, seqpool.codec.crypto.Secp256k1Group.mulG(stale.secret()));
        return new seqpool.tss.share.PublicKeyPackage(pk.groupKey(), publics, pk.threshold());
    }

    @Test
    void failedReshareLeavesTheOldGenerationUsable() throws Exception {
        Committee c1 = new Committee(Parties.range(1, 4), 3);
        Gen g1 = new Gen(c1, new VssRun(VssConfig.dkg(KEY, 1, c1), Map.of(), 11, TraceSink.NONE, Map.of(), List.of())
                .run().shares(), 1);
        byte[] groupKey = g1.shares().values().iterator().next().publicKeys().groupKeyBytes();
        KeyShare any = g1.shares().values().iterator().next();
        Committee c2 = new Committee(Parties.range(1, 6), 4);
        VssConfig cfg = VssConfig.reshare(KEY, 2, c1, c1.members(), 1, c2, any.publicKeys().groupKey());
        // New member n6 never answers: every other party times out naming n6; nobody erases generation 1.
        List<String> events = new ArrayList<>();
        VssRun run = new VssRun(cfg, g1.shares(), 12, (n, e, f) -> events.add(e), Map.of(),
                List.of(Parties.address(6))).run();
        assertEquals(5, run.aborts().size());
        run.aborts().forEach(a -> assertEquals(Set.of(Parties.address(6)), a.culprits()));
        assertFalse(events.contains("GenerationErased"));
        assertTrue(events.contains("ReshareAborted"));
        g1.shares().values().forEach(s -> assertFalse(s.isDestroyed()));
        signsWithQuorums(g1, groupKey, 13);
    }
}
