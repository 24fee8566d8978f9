package seqpool.tss.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;
import seqpool.tss.vss.VssConfig;

/** Wrong and missing signature shares are named by the aggregator; nonces never sign twice. */
class FrostByzantineTest {
    private static List<KeyShare> shares() {
        return new ArrayList<>(new VssRun(VssConfig.dkg(KeyId.of("k"), 1, new Committee(Parties.range(1, 5), 3)),
                Map.of(), 3, TraceSink.NONE, Map.of(), List.of()).run().shares().values());
    }

    @Test
    void wrongAndMissingSharesAreNamed() throws Exception {
        List<KeyShare> all = shares();
        List<KeyShare> q = all.subList(0, 4);
        SecureRandom r = new SecureRandom();
        List<SigningCommitment> cs = new ArrayList<>();
        Map<Integer, SigningNonces> nonces = new HashMap<>();
        for (KeyShare k : q) {
            SigningNonces n = SigningNonces.generate(k, r);
            nonces.put(k.identifier(), n);
            cs.add(n.commitment());
        }
        SigningPackage pkg = new SigningPackage(cs, "msg".getBytes());
        Map<Integer, SignatureShare> out = new HashMap<>();
        for (KeyShare k : q) {
            out.put(k.identifier(), FrostSigner.sign(pkg, nonces.get(k.identifier()), k));
        }
        int bad = q.get(1).identifier();
        int missing = q.get(3).identifier();
        out.put(bad, new SignatureShare(bad, out.get(bad).z().add(BigInteger.ONE).mod(Secp256k1Group.N)));
        out.remove(missing);
        FrostException e = assertThrows(FrostException.class, () -> FrostAggregator.aggregate(pkg, out, q.get(0).publicKeys()));
        assertEquals(Set.of(bad, missing), e.culprits());
    }

    @Test
    void aNonceNeverSignsTwice() throws Exception {
        KeyShare k = shares().get(0);
        SigningNonces n = SigningNonces.generate(k, new SecureRandom());
        SigningPackage pkg = new SigningPackage(List.of(n.commitment(),
                SigningNonces.generate(shares().get(1), new SecureRandom()).commitment(),
                SigningNonces.generate(shares().get(2), new SecureRandom()).commitment()), new byte[] {1});
        FrostSigner.sign(pkg, n, k);
        assertThrows(IllegalStateException.class, () -> FrostSigner.sign(pkg, n, k));
        assertEquals("SigningNonces[" + k.identifier() + ", <redacted>]", n.toString());
    }
}
