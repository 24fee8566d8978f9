package seqpool.consensus.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.consensus.node.NodeConfig;
import seqpool.consensus.wire.SigningDigests;

/** Keys, genesis and a recording application for host-level tests. */
public final class HostFixture {
    private HostFixture() {
    }

    public static List<LocalNodeSigner> signers(int n, int offset) {
        List<LocalNodeSigner> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            byte[] k = new byte[32];
            k[30] = (byte) offset;
            k[31] = (byte) i;
            out.add(LocalNodeSigner.fromPrivateKey(k));
        }
        return out;
    }

    public static ValidatorSet genesis(List<LocalNodeSigner> s) {
        List<Validator> vs = new ArrayList<>();
        for (LocalNodeSigner k : s) {
            vs.add(new Validator(k.address(), 1));
        }
        return new ValidatorSet(vs);
    }

    public static NodeConfig config(long propose, long vote, long delta) {
        return NodeConfig.defaults(new SigningDigests(Eip712Domain.seqpool(31337, Address.fromHex("0x" + "aa".repeat(20)))))
                .withTimeouts(propose, vote, vote, delta).withGossipInterval(200);
    }

    /** Accepts txs starting with 't'; records committed block ids and txs; thread-safe for readers. */
    public static class RecordingApp extends seqpool.consensus.testing.MempoolOnlyApplication {
        public final Map<Long, Hash32> blockIds = new ConcurrentSkipListMap<>();
        public final Map<Bytes, Long> txHeights = new ConcurrentHashMap<>();
        private volatile long last;

        @Override
        public CheckTxResult checkTx(Bytes tx) {
            return tx.size() > 0 && tx.get(0) == 't' ? CheckTxResult.OK : CheckTxResult.rejected("not a test tx");
        }

        @Override
        public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest r) {
            blockIds.put(r.height(), r.blockId());
            for (Bytes tx : r.block().txs()) {
                txHeights.put(tx, r.height());
            }
            return new FinalizeBlockResult(Hash32.ZERO, List.of());
        }

        @Override
        public void commit(long height) {
            last = height;
        }

        @Override
        public long lastCommittedHeight() {
            return last;
        }
    }
}
