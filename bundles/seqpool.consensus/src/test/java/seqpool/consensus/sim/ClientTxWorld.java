package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.identity.NodeSigner;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.node.SignatureVerifier;
import seqpool.consensus.wire.SigningDigests;

/**
 * The consensus engine's own world: fast fake signatures ({@link SimKeys}), equal power, a {@link SimApp} per node and
 * a client that sends one transaction to a random honest, running node every tick. Valid committed transactions are
 * the ones some client or the adversary created and the application accepts.
 */
final class ClientTxWorld implements SimWorld<SimApp> {
    final SimKeys keys;
    final Set<Bytes> knownTxs = new HashSet<>();
    private final long seed;
    private final int n;
    private long txSeq;

    ClientTxWorld(long seed, int n) {
        this.seed = seed;
        this.n = n;
        this.keys = new SimKeys(n, seed);
    }

    @Override
    public NodeSigner signer(int index) {
        return keys.signer(index);
    }

    @Override
    public SignatureVerifier verifier() {
        return keys;
    }

    @Override
    public NodeConfig nodeConfig() {
        SigningDigests digests = new SigningDigests(Eip712Domain.seqpool(31337, keys.address(0)));
        return NodeConfig.defaults(digests).withTimeouts(300, 150, 150, 100).withGossipInterval(150);
    }

    @Override
    public ValidatorSet genesis() {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(new Validator(keys.address(i), 1));
        }
        return new ValidatorSet(vs);
    }

    @Override
    public SimApp newApp(int index, String name) {
        return new SimApp();
    }

    @Override
    public void tick(Simulation<SimApp> sim) {
        List<SimNode<SimApp>> up = sim.nodes.stream().filter(x -> x.up && x.honest()).toList();
        if (up.isEmpty()) {
            return;
        }
        SimNode<SimApp> target = up.get(sim.rnd.nextInt(up.size()));
        Bytes tx = Bytes.utf8("tx-" + seed + "-" + (txSeq++));
        knownTxs.add(tx);
        sim.submit(target, tx);
    }

    @Override
    public Optional<String> invalidTx(SimNode<SimApp> node, Bytes tx) {
        if (!knownTxs.contains(tx) || !node.app.checkTx(tx).accepted()) {
            return Optional.of("an unknown or invalid tx " + tx);
        }
        return Optional.empty();
    }

    /** The equivocating proposer's second block: one more transaction, which it "created" (so it is a known one). */
    @Override
    public List<Bytes> alternativeTxs(List<Bytes> txs, long height, int round) {
        List<Bytes> out = new ArrayList<>(txs);
        Bytes extra = Bytes.utf8("tbyz-" + seed + "-" + height + "-" + round);
        knownTxs.add(extra);
        out.add(extra);
        return out;
    }
}
