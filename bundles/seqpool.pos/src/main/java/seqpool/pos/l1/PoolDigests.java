package seqpool.pos.l1;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.pos.state.PosParams;

/** The digests the pool key signs for each L1 action, computed exactly as the contracts do (PoolDigest.sol). */
public final class PoolDigests {
    private final PosParams p;

    public PoolDigests(PosParams p) {
        this.p = p;
    }

    public Hash32 commitEpoch(long id, long first, long last, Address producer) {
        return h(PoolMessageDigest.commitEpoch(p.l1ChainId(), p.sequencerSet().toHex(), id, first, last,
                producer.toHex()));
    }

    public Hash32 recommitEpoch(long id, int rotation, long from, Address producer) {
        return h(PoolMessageDigest.recommitEpoch(p.l1ChainId(), p.sequencerSet().toHex(), id, rotation, from,
                producer.toHex()));
    }

    public Hash32 jail(long actionNonce, long seqId, Hash32 reason) {
        return h(PoolMessageDigest.jail(p.l1ChainId(), p.lockingPool().toHex(), BigInteger.valueOf(actionNonce),
                BigInteger.valueOf(seqId), reason.value().toArray()));
    }

    public Hash32 slash(long actionNonce, long seqId, BigInteger amount, Hash32 reason) {
        return h(PoolMessageDigest.slash(p.l1ChainId(), p.lockingPool().toHex(), BigInteger.valueOf(actionNonce),
                BigInteger.valueOf(seqId), amount, reason.value().toArray()));
    }

    public Hash32 rewards(long batchId, long startEpoch, long endEpoch, List<Long> seqIds, List<Long> blocks) {
        return h(PoolMessageDigest.submitRewards(p.l1ChainId(), p.lockingPool().toHex(), BigInteger.valueOf(batchId),
                BigInteger.valueOf(startEpoch), BigInteger.valueOf(endEpoch),
                seqIds.stream().map(BigInteger::valueOf).toList(), blocks.stream().map(BigInteger::valueOf).toList()));
    }

    private static Hash32 h(byte[] digest) {
        return new Hash32(Bytes.wrap(digest));
    }
}
