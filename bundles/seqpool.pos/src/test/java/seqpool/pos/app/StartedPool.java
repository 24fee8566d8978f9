package seqpool.pos.app;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.codec.crypto.LocalNodeSigner;

import seqpool.pos.testing.FakeBridge;
import seqpool.pos.testing.PoolFixture;
import seqpool.store.memory.InMemoryKeyValueStore;

/**
 * A fixture pool past its start: the first committee's keygen reported by a threshold of members, the pool key
 * registered on L1 (so the first epoch is assigned), over an in-memory store. What the application tests share.
 */
final class StartedPool {
    public final PoolFixture fx;
    public final FakeBridge bridge = new FakeBridge();
    public final InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    public final PosEvents events = new PosEvents((node, event, fields) -> { }, "n1");
    public final PosApplication app;
    /** The first epoch's producer. */
    public final LocalNodeSigner producer;

    StartedPool(PoolFixture fx) throws Exception {
        this.fx = fx;
        this.app = fx.app(bridge, events, kv);
        PosTask keygen = app.view().openTasks().stream().filter(t -> t.kind() == PosTaskKind.KEYGEN).findFirst()
                .orElseThrow();
        int threshold = Integer.parseInt(keygen.params().get("threshold"));
        List<Bytes> reports = new ArrayList<>();
        for (int i = 0; i < threshold; i++) {
            reports.add(fx.keyReport(fx.keys.get(i), keygen.id(), 0, 1));
        }
        fx.commit(app, reports);
        confirmAndCommit(fx.l1.nextBlock().poolKeyRegistered(fx.poolPoint.getAffineXCoord().toBigInteger(),
                fx.poolPoint.getAffineYCoord().toBigInteger(), Address.fromHex("0x" + "44".repeat(20))));
        producer = fx.key(app.view().status().assignment().orElseThrow().producer());
    }

    /** The bridge confirms {@code e}; the next block (prepared by the application) carries it. */
    public void confirmAndCommit(L1Event e) {
        bridge.confirm(e);
        fx.commit(app, app.prepareProposal(new PrepareProposalRequest(app.lastCommittedHeight() + 1,
                fx.keys.get(0).address(), List.of(), 100, 1 << 20)));
    }

    /** What an honest validator says of a block holding {@code tx} at the next height. */
    public ProposalVerdict judge(Bytes tx) {
        return app.processProposal(new ProcessProposalRequest(app.lastCommittedHeight() + 1, 0, Hash32.ZERO,
                new Block(app.lastCommittedHeight() + 1, Hash32.ZERO, fx.keys.get(0).address(), List.of(tx),
                        List.of())));
    }
}
