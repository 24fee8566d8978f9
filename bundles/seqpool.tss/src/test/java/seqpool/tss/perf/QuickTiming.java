package seqpool.tss.perf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import seqpool.api.trace.TraceSink;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.tss.math.Polynomial;
import seqpool.tss.math.Secp256k1;
import seqpool.tss.share.KeyShare;
import seqpool.tss.testing.FrostHelper;
import seqpool.tss.testing.Parties;
import seqpool.tss.testing.VssRun;
import seqpool.tss.vss.VssConfig;

@EnabledIfSystemProperty(named = "tss.quick", matches = "true")
class QuickTiming {
    @Test
    void timing() throws Exception {
        SecureRandom r = new SecureRandom();
        ECPoint p = Secp256k1.mulG(Secp256k1.randomScalar(r));
        BigInteger k = Secp256k1.randomScalar(r);
        for (int w = 0; w < 3; w++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1000; i++) Secp256k1.mulG(k);
            long t1 = System.nanoTime();
            for (int i = 0; i < 1000; i++) p.multiply(k).normalize();
            long t2 = System.nanoTime();
            for (int i = 0; i < 1000; i++) p.multiply(BigInteger.valueOf(17)).normalize();
            long t3 = System.nanoTime();
            ECPoint[] cs = new ECPoint[15];
            for (int i = 0; i < 15; i++) cs[i] = p;
            for (int i = 0; i < 100; i++) Polynomial.evaluateCommitment(cs, 21);
            long t4 = System.nanoTime();
            System.out.printf("mulG %.3f ms, mul %.3f ms, mulSmall %.3f ms, horner15 %.3f ms%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e8);
        }
        for (int w = 0; w < 3; w++) {
            long t0 = System.nanoTime();
            VssRun run = new VssRun(VssConfig.dkg(KeyId.of("k"), 1, new Committee(Parties.range(1, 21), 15)), Map.of(), w,
                    TraceSink.NONE, Map.of(), List.of()).run();
            long t1 = System.nanoTime();
            List<KeyShare> shares = List.copyOf(run.shares().values()).subList(0, 15);
            for (int i = 0; i < 10; i++) FrostHelper.sign(shares, new byte[32], r);
            long t2 = System.nanoTime();
            System.out.printf("dkg21 %.1f ms, sign15 %.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e7);
        }
    }
}
