package seqpool.pos.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.l2.L2HeaderHashing;
import seqpool.pos.app.PosApplication;
import seqpool.pos.app.PosEvents;
import seqpool.pos.state.Genesis;
import seqpool.pos.state.PosParams;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.PosTx;
import seqpool.pos.tx.PosTxCodec;
import seqpool.pos.tx.SignedBody;
import seqpool.pos.tx.SignedTxFactory;
import seqpool.store.memory.InMemoryKeyValueStore;

/** A pool of validators with real keys, its parameters and genesis, and helpers to build its transactions. */
public final class PoolFixture {
    public static final BigInteger TOKEN = BigInteger.TEN.pow(18);
    public final List<LocalNodeSigner> keys = new ArrayList<>();
    public final PosParams params;
    public final Genesis genesis;
    public final L1Events l1;
    public final BigInteger poolSecret = BigInteger.valueOf(123456789);
    public final ECPoint poolPoint = CustomNamedCurves.getByName("secp256k1").getG().multiply(poolSecret).normalize();

    /** The forced-inclusion queue's address in pools made with {@link #PoolFixture(int, long, int, long)}. */
    public static final Address QUEUE = Address.fromHex("0x" + "77".repeat(20));

    public PoolFixture(int n, long epochLength, int jailAfter) {
        this(n, n, epochLength, jailAfter, 0);
    }

    /** With forced inclusion: the queue at {@link #QUEUE}, messages due {@code forcedBlocks} after the head. */
    public PoolFixture(int n, long epochLength, int jailAfter, long forcedBlocks) {
        this(n, n, epochLength, jailAfter, forcedBlocks);
    }

    /** {@code total} keys, the first {@code genesisMembers} of which are staked at genesis. */
    public PoolFixture(int total, int genesisMembers, long epochLength, int jailAfter) {
        this(total, genesisMembers, epochLength, jailAfter, 0);
    }

    private PoolFixture(int total, int genesisMembers, long epochLength, int jailAfter, long forcedBlocks) {
        List<Genesis.GenesisMember> ms = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            byte[] k = new byte[32];
            k[31] = (byte) i;
            k[0] = 1;
            LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(k);
            keys.add(s);
            if (i <= genesisMembers) {
                ms.add(new Genesis.GenesisMember(i, s.address(), TOKEN.multiply(BigInteger.valueOf(30_000))));
            }
        }
        Address lp = Address.fromHex("0x" + "11".repeat(20));
        Address ss = Address.fromHex("0x" + "22".repeat(20));
        Address kr = Address.fromHex("0x" + "33".repeat(20));
        params = forcedBlocks == 0
                ? new PosParams(31337, lp, ss, kr, 901, 1, epochLength, jailAfter, 10, 50, 64, KeyId.of("pool"))
                : new PosParams(31337, lp, ss, kr, 901, 1, epochLength, jailAfter, 10, 50, 64, KeyId.of("pool"),
                        Optional.of(QUEUE), forcedBlocks);
        genesis = new Genesis(99, Hash32.ZERO, ms, 0, 0);
        l1 = new L1Events(lp, ss, kr, QUEUE);
    }

    public LocalNodeSigner key(Address a) {
        return keys.stream().filter(k -> k.address().equals(a)).findFirst().orElseThrow();
    }

    public PosApplication app(FakeBridge bridge, PosEvents events) throws Exception {
        return app(bridge, events, new InMemoryKeyValueStore());
    }

    /** Over a given store: a second call with the same store is a restarted node. */
    public PosApplication app(FakeBridge bridge, PosEvents events, seqpool.api.store.KeyValueStore kv)
            throws Exception {
        return new PosApplication(params, kv, genesis, bridge, Optional::empty, events);
    }

    public Bytes groupKey() {
        return Bytes.wrap(poolPoint.getEncoded(true));
    }

    public Bytes signed(LocalNodeSigner by, SignedBody body) {
        return new SignedTxFactory(by, params.l1ChainId(), params.lockingPool()).sign(body);
    }

    public Bytes keyReport(LocalNodeSigner by, String task, int attempt, int generation) {
        return signed(by, new SignedBody.TaskReport(task, attempt, true, groupKey(), generation, List.of()));
    }

    public L2Header header(LocalNodeSigner producer, long number, long epoch) {
        return header(producer, number, epoch, 0);
    }

    /** A header whose chain has consumed {@code forcedCursor} forced messages. */
    public L2Header header(LocalNodeSigner producer, long number, long epoch, long forcedCursor) {
        Hash32 txRoot = L2HeaderHashing.txRoot(List.of());
        Hash32 h = L2HeaderHashing.hash(params.l2ChainId(), number, Hash32.ZERO, epoch, producer.address(), number * 1000,
                txRoot, Hash32.ZERO, forcedCursor);
        return new L2Header(number, Hash32.ZERO, epoch, producer.address(), number * 1000, txRoot, Hash32.ZERO,
                producer.sign(h), forcedCursor);
    }

    public Bytes progress(LocalNodeSigner producer, long number, long epoch) {
        return PosTxCodec.encode(new PosTx.L2ProgressTx(header(producer, number, epoch)));
    }

    public Bytes progress(LocalNodeSigner producer, long number, long epoch, long forcedCursor) {
        return PosTxCodec.encode(new PosTx.L2ProgressTx(header(producer, number, epoch, forcedCursor)));
    }

    public Bytes event(seqpool.api.bridge.L1Event e) {
        return PosTxCodec.encode(new PosTx.L1EventTx(e));
    }

    /** Finalizes and commits one block of {@code txs} at the application's next height. */
    public FinalizeBlockResult commit(PosApplication app, List<Bytes> txs) {
        long h = app.lastCommittedHeight() + 1;
        Hash32 id = Hash32.fromHex(String.format("0x%064x", 0xabc000L + h));
        Block b = new Block(h, Hash32.ZERO, keys.get(0).address(), txs, List.of());
        FinalizeBlockResult r = app.finalizeBlock(new FinalizeBlockRequest(h, id, b, List.of()));
        app.commit(h);
        return r;
    }
}
