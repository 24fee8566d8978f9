package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import seqpool.api.common.Address;
import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.tss.frost.FrostSignature;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.FrostHelper;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.PlainSchnorrVerifier;
import seqpool.tss.testing.VssRun;

/** DKG for random (n, threshold) up to 21; every threshold subset signs (sampled for large n); t-1 cannot. */
class DkgTest {
    static Stream<Arguments> sizes() {
        Random r = new Random(20261125L);
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(1, 1, 1L));
        out.add(Arguments.of(3, 2, 2L));
        out.add(Arguments.of(4, 3, 3L));
        out.add(Arguments.of(21, 15, 4L));
        for (int i = 0; i < 4; i++) {
            int n = 2 + r.nextInt(20);
            out.add(Arguments.of(n, 1 + r.nextInt(n), 10L + i));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "n={0} t={1}")
    @MethodSource("sizes")
    void dkgThenEveryQuorumSigns(int n, int t, long seed) throws Exception {
        Committee c = new Committee(Parties.range(1, n), t);
        VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 7, c), Map.of(), seed, TraceSink.NONE, Map.of(), List.of()).run();
        assertTrue(run.aborts().isEmpty(), () -> "aborted: " + run.aborts());
        Map<Address, KeyShare> shares = run.shares();
        assertEquals(n, shares.size());
        byte[] groupKey = shares.values().iterator().next().publicKeys().groupKeyBytes();
        shares.values().forEach(s -> assertEquals(java.util.HexFormat.of().formatHex(groupKey),
                java.util.HexFormat.of().formatHex(s.publicKeys().groupKeyBytes())));
        List<KeyShare> all = new ArrayList<>(shares.values());
        SecureRandom rnd = VssRun.deterministic(seed);
        List<List<KeyShare>> subsets = subsets(all, t, n > 10 ? 8 : 40, new Random(seed));
        byte[] msg = ("batch " + seed).getBytes(StandardCharsets.UTF_8);
        for (List<KeyShare> q : subsets) {
            FrostSignature sig = FrostHelper.sign(q, msg, rnd);
            assertTrue(PlainSchnorrVerifier.verify(groupKey, msg, sig.encode()), "quorum " + ids(q));
        }
        if (t > 1) {
            List<KeyShare> tooFew = all.subList(0, t - 1);
            assertThrows(seqpool.tss.frost.InvalidSigningPackageException.class, () -> FrostHelper.sign(tooFew, msg, rnd));
            assertFalse(PlainSchnorrVerifier.verify(groupKey, msg, signBelowThreshold(tooFew, msg, rnd)),
                    "t-1 shares must not produce a valid signature");
        }
    }

    /** Bypasses the threshold check (a package claiming threshold t-1) and aggregates by hand. */
    static byte[] signBelowThreshold(List<KeyShare> few, byte[] msg, SecureRandom rnd) throws Exception {
        var pk = few.get(0).publicKeys();
        var lowered = new seqpool.tss.share.PublicKeyPackage(pk.groupKey(), pk.publicShares(), few.size());
        List<seqpool.tss.frost.SigningNonces> ns = new ArrayList<>();
        List<seqpool.tss.frost.SigningCommitment> cs = new ArrayList<>();
        List<KeyShare> ks = new ArrayList<>();
        for (KeyShare k : few) {
            KeyShare low = new KeyShare(k.identifier(), k.generation(), k.secret(), lowered);
            ks.add(low);
            var n = seqpool.tss.frost.SigningNonces.generate(low, rnd);
            ns.add(n);
            cs.add(n.commitment());
        }
        var pkg = new seqpool.tss.frost.SigningPackage(cs, msg);
        java.math.BigInteger z = java.math.BigInteger.ZERO;
        for (int i = 0; i < ks.size(); i++) {
            z = z.add(seqpool.tss.frost.FrostSigner.sign(pkg, ns.get(i), ks.get(i)).z());
        }
        var r = new seqpool.tss.frost.SigningTranscript(pkg, pk.groupKey()).groupCommitment();
        return new FrostSignature(r, z.mod(seqpool.codec.crypto.Secp256k1Group.N)).encode();
    }

    static List<Integer> ids(List<KeyShare> q) {
        return q.stream().map(KeyShare::identifier).toList();
    }

    /** Every t-subset if there are at most {@code max}, else {@code max} random ones. */
    static List<List<KeyShare>> subsets(List<KeyShare> all, int t, int max, Random r) {
        List<List<KeyShare>> out = new ArrayList<>();
        if (binomial(all.size(), t) <= max) {
            combine(all, t, 0, new ArrayList<>(), out);
            return out;
        }
        for (int i = 0; i < max; i++) {
            List<KeyShare> copy = new ArrayList<>(all);
            java.util.Collections.shuffle(copy, r);
            out.add(copy.subList(0, t));
        }
        return out;
    }

    private static void combine(List<KeyShare> all, int t, int from, List<KeyShare> cur, List<List<KeyShare>> out) {
        if (cur.size() == t) {
            out.add(new ArrayList<>(cur));
            return;
        }
        for (int i = from; i < all.size(); i++) {
            cur.add(all.get(i));
            combine(all, t, i + 1, cur, out);
            cur.remove(cur.size() - 1);
        }
    }

    private static long binomial(int n, int k) {
        long b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
            if (b > 1_000_000) {
                return b;
            }
        }
        return b;
    }
}
