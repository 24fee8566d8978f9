package seqpool.pos.state;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.pos.bin.BinReader;
import seqpool.pos.bin.BinWriter;
import seqpool.pos.tx.MalformedTxException;

/** The stored genesis (version 1). */
public final class GenesisCodec {
    private GenesisCodec() {
    }

    public static Bytes encode(Genesis g) {
        BinWriter w = new BinWriter().u8(1).u64(g.l1Block()).hash(g.l1BlockHash()).u64(g.poolActionNonce())
                .u64(g.lastRewardBatch()).u32(g.members().size());
        for (Genesis.GenesisMember m : g.members()) {
            w.u64(m.seqId()).address(m.signer()).bigInt(m.stake());
        }
        return w.toBytes();
    }

    public static Genesis decode(Bytes b) throws MalformedTxException {
        BinReader r = new BinReader(b);
        if (r.u8() != 1) {
            throw new MalformedTxException("unknown genesis version");
        }
        long block = r.u64();
        var hash = r.hash();
        long nonce = r.u64();
        long batch = r.u64();
        int n = r.u32Int(100_000);
        List<Genesis.GenesisMember> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ms.add(new Genesis.GenesisMember(r.u64(), r.address(), r.bigInt()));
        }
        r.end();
        return new Genesis(block, hash, ms, nonce, batch);
    }
}
