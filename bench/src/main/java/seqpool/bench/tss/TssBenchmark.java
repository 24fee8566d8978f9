package seqpool.bench.tss;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import seqpool.api.common.Address;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.tss.frost.FrostAggregator;
import seqpool.tss.frost.FrostException;
import seqpool.tss.frost.FrostSignature;
import seqpool.tss.frost.FrostSigner;
import seqpool.tss.frost.SignatureShare;
import seqpool.tss.frost.SigningCommitment;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.frost.SigningPackage;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;

/**
 * DKG, reshare (refresh of the same committee) and FROST signing, every party in this one thread, for
 * (n, threshold) = (4,3), (7,5), (21,15). Signing is measured end to end (both rounds: nonce generation, t signers
 * each deriving the transcript and signing, aggregation with verification) and online only (nonces pre-generated,
 * as with the stored nonce batches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TssBenchmark {
    @Param({"4:3", "7:5", "21:15"})
    public String size;

    private int n;
    private int t;
    private final SecureRandom random = new SecureRandom();
    private Map<Address, KeyShare> shares;
    private List<KeyShare> quorum;
    private VssConfig refresh;
    private final byte[] message = new byte[32];
    private List<SigningNonces> pregenerated;

    @Setup(Level.Trial)
    public void setup() {
        String[] p = size.split(":");
        n = Integer.parseInt(p[0]);
        t = Integer.parseInt(p[1]);
        shares = InProcessVss.dkg(n, t, random);
        quorum = new ArrayList<>(shares.values()).subList(0, t);
        Committee c = new Committee(InProcessVss.parties(n), t);
        refresh = VssConfig.reshare(KeyId.of("bench"), 2, c, c.members(), 1, c,
                quorum.get(0).publicKeys().groupKey());
    }

    @Setup(Level.Invocation)
    public void nonces() {
        pregenerated = new ArrayList<>();
        for (KeyShare k : quorum) {
            pregenerated.add(SigningNonces.generate(k, random));
        }
    }

    @Benchmark
    public Map<Address, KeyShare> dkg() {
        return InProcessVss.dkg(n, t, random);
    }

    @Benchmark
    public Map<Address, KeyShare> reshare() {
        return InProcessVss.run(refresh, shares, random);
    }

    @Benchmark
    public FrostSignature frostSignEndToEnd() throws FrostException {
        List<SigningNonces> ns = new ArrayList<>();
        for (KeyShare k : quorum) {
            ns.add(SigningNonces.generate(k, random));
        }
        return signWith(ns);
    }

    @Benchmark
    public FrostSignature frostSignOnline() throws FrostException {
        return signWith(pregenerated);
    }

    private FrostSignature signWith(List<SigningNonces> ns) throws FrostException {
        List<SigningCommitment> cs = new ArrayList<>();
        ns.forEach(x -> cs.add(x.commitment()));
        Map<Integer, SignatureShare> out = new HashMap<>();
        for (int i = 0; i < quorum.size(); i++) {
            // Each signer builds its own package and transcript, as separate nodes would.
            SigningPackage pkg = new SigningPackage(cs, message);
            SignatureShare s = FrostSigner.sign(pkg, ns.get(i), quorum.get(i));
            out.put(s.identifier(), s);
        }
        return FrostAggregator.aggregate(new SigningPackage(cs, message), out, quorum.get(0).publicKeys());
    }
}
