package seqpool.consensus.host;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.wire.SigningDigests;
import seqpool.consensus.wire.WireLimits;

/** Turns the typed configuration into engine settings; every bad value is an IllegalArgumentException naming it. */
final class ConsensusSettings {
    private ConsensusSettings() {
    }

    static NodeConfig nodeConfig(ConsensusConfig c) {
        Address pool;
        try {
            pool = Address.fromHex(c.lockingPool());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("seqpool.consensus: lockingPool '" + c.lockingPool() + "' is not a 20-byte hex address");
        }
        WireLimits limits = new WireLimits(c.maxMessageBytes(), Math.max(c.maxBlockTxs(), 1), c.maxTxBytes(), 64, 1000);
        return new NodeConfig(new SigningDigests(Eip712Domain.seqpool(c.chainId(), pool)), c.timeoutProposeMs(),
                c.timeoutProposeDeltaMs(), c.timeoutPrevoteMs(), c.timeoutPrevoteDeltaMs(), c.timeoutPrecommitMs(),
                c.timeoutPrecommitDeltaMs(), c.maxBlockTxs(), c.maxBlockBytes(), c.gossipIntervalMs(), c.roundWindow(),
                c.mempoolMaxTxs(), c.txForwardProposers(), limits, c.commitPauseMs());
    }

    static ValidatorSet genesis(String[] entries) {
        if (entries == null || entries.length == 0) {
            throw new IllegalArgumentException("seqpool.consensus: genesisValidators is empty");
        }
        List<Validator> vs = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.trim().split(":");
            try {
                vs.add(new Validator(Address.fromHex(p[0]), Long.parseLong(p[1])));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("seqpool.consensus: genesis validator '" + e + "' is not 0xADDRESS:POWER");
            }
        }
        return new ValidatorSet(vs);
    }
}
