package seqpool.pos.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.pos.select.PowerRule;
import seqpool.pos.state.Genesis;
import seqpool.pos.state.PosParams;
import seqpool.pos.testing.L1Events;

/**
 * The pool of one run: a real secp256k1 key per node derived from the seed (so that addresses, hence proposer order
 * and producer draws, change with the seed), the PoS parameters, the genesis (the first {@code genesisMembers} nodes
 * staked equally), and the group key every keygen and reshare reports (the TSS itself is not simulated).
 */
final class SimPool {
    static final BigInteger STAKE = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(30_000));
    final List<LocalNodeSigner> keys = new ArrayList<>();
    final PosParams params;
    final Genesis genesis;
    final L1Events l1;
    final ECPoint groupPoint = CustomNamedCurves.getByName("secp256k1").getG().multiply(BigInteger.valueOf(987654321))
            .normalize();
    final Bytes groupKey = Bytes.wrap(groupPoint.getEncoded(true));

    SimPool(long seed, int nodes, int genesisMembers, long epochLength, int jailAfterFaults) {
        List<Genesis.GenesisMember> members = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            byte[] k = Keccak.digest(("pos-sim-key-" + seed + "-" + i).getBytes(StandardCharsets.US_ASCII));
            k[0] &= 0x7f; // below the curve order
            LocalNodeSigner key = LocalNodeSigner.fromPrivateKey(k);
            keys.add(key);
            if (i < genesisMembers) {
                members.add(new Genesis.GenesisMember(seqId(i), key.address(), STAKE));
            }
        }
        Address lockingPool = Address.fromHex("0x" + "11".repeat(20));
        Address sequencerSet = Address.fromHex("0x" + "22".repeat(20));
        Address registry = Address.fromHex("0x" + "33".repeat(20));
        params = new PosParams(31337, lockingPool, sequencerSet, registry, 901, 1, epochLength, jailAfterFaults, 10, 50,
                64, KeyId.of("pool"));
        genesis = new Genesis(99, Hash32.ZERO, members, 0, 0);
        l1 = new L1Events(lockingPool, sequencerSet, registry);
    }

    /** LockingPool's id of node {@code index}. */
    static long seqId(int index) {
        return index + 1;
    }

    /** The consensus validators of height 1, by the application's own power rule. */
    ValidatorSet validators() {
        List<Validator> vs = new ArrayList<>();
        for (Genesis.GenesisMember m : genesis.members()) {
            vs.add(new Validator(m.signer(), PowerRule.power(m.stake())));
        }
        return new ValidatorSet(vs);
    }

    int indexOf(Address signer) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).address().equals(signer)) {
                return i;
            }
        }
        return -1;
    }
}
