package seqpool.bench.tss;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import seqpool.api.common.Address;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;

/**
 * A load command for a noisy, shared machine: runs DKG, reshare and FROST signing for each (n, threshold) in this
 * thread and prints the median wall-clock time and the median CPU time of this thread per operation. The CPU time
 * is what the operation costs when it has a core to itself.
 *
 * <p>Run: {@code java -cp ... seqpool.bench.tss.TssLoad [rounds]}
 */
public final class TssLoad {
    private TssLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SecureRandom random = new SecureRandom();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-8s %-22s %12s %12s%n", "n:t", "operation", "wall ms", "cpu ms");
        for (int[] nt : new int[][] {{4, 3}, {7, 5}, {21, 15}}) {
            int n = nt[0];
            int t = nt[1];
            TssBenchmark b = new TssBenchmark();
            b.size = n + ":" + t;
            b.setup();
            Committee c = new Committee(InProcessVss.parties(n), t);
            Map<Address, KeyShare> shares = InProcessVss.dkg(n, t, random);
            KeyShare any = shares.values().iterator().next();
            VssConfig refresh = VssConfig.reshare(KeyId.of("bench"), 2, c, c.members(), 1, c,
                    any.publicKeys().groupKey());
            report(n, t, "dkg", rounds, mx, () -> InProcessVss.dkg(n, t, random));
            report(n, t, "reshare", rounds, mx, () -> InProcessVss.run(refresh, shares, random));
            report(n, t, "frostSignEndToEnd", rounds * 10, mx, b::frostSignEndToEnd);
            report(n, t, "frostSignOnline", rounds * 10, mx, () -> {
                b.nonces();
                long c0 = mx.getCurrentThreadCpuTime();
                b.frostSignOnline();
                return mx.getCurrentThreadCpuTime() - c0;
            });
        }
    }

    private static void report(int n, int t, String op, int rounds, ThreadMXBean mx, Callable<?> task) throws Exception {
        task.call(); // warm-up
        task.call();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            Object r = task.call();
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            wall.add((w1 - w0) / 1e6);
            // frostSignOnline reports its own CPU time (nonce pre-generation excluded).
            cpu.add(r instanceof Long l ? l / 1e6 : (c1 - c0) / 1e6);
        }
        System.out.printf("%-8s %-22s %12.2f %12.2f%n", n + ":" + t, op, median(wall), median(cpu));
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
