package seqpool.pos.app;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import seqpool.api.common.Address;
import seqpool.api.consensus.ConsensusEngine;
import seqpool.api.consensus.SubmitResult;
import seqpool.api.pos.EpochMembers;
import seqpool.api.pos.PoolStatus;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.ProducerAssignment;
import seqpool.api.sequencer.L2Chain;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.SignedBody;
import seqpool.pos.tx.SignedTxFactory;

/** {@link PosService} over the application's published view and its assignment log. Thread-safe. */
public final class PosServiceImpl implements PosService {
    private static final System.Logger LOG = System.getLogger(PosServiceImpl.class.getName());
    private final PosApplication app;
    private final PosEvents events;
    private final SignedTxFactory txs;
    private final Supplier<Optional<ConsensusEngine>> engine;
    private final Supplier<Optional<L2Chain>> l2;

    public PosServiceImpl(PosApplication app, PosEvents events, SignedTxFactory txs,
            Supplier<Optional<ConsensusEngine>> engine, Supplier<Optional<L2Chain>> l2) {
        this.app = app;
        this.events = events;
        this.txs = txs;
        this.engine = engine;
        this.l2 = l2;
    }

    @Override
    public long currentEpoch() {
        return app.view().status().epoch();
    }

    @Override
    public EpochMembers members(long epoch) {
        PosView v = app.view();
        return epoch == v.status().epoch() ? v.members() : new EpochMembers(Math.max(0, epoch), List.of());
    }

    @Override
    public Optional<ProducerAssignment> assignmentFor(long l2Block) {
        PosView v = app.view();
        for (int i = v.currentAssignments().size() - 1; i >= 0; i--) {
            ProducerAssignment a = v.currentAssignments().get(i);
            if (a.covers(l2Block)) {
                return Optional.of(a);
            }
        }
        long first = app.params().firstL2Block();
        if (l2Block < first) {
            return Optional.empty();
        }
        long epoch = (l2Block - first) / app.params().epochLength() + 1;
        if (epoch >= v.status().epoch()) {
            return Optional.empty();
        }
        List<ProducerAssignment> past = app.assignments(epoch);
        for (int i = past.size() - 1; i >= 0; i--) {
            if (past.get(i).covers(l2Block)) {
                return Optional.of(past.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ProducerAssignment> assignments(long epoch) {
        return app.assignments(epoch);
    }

    @Override
    public List<PosTask> openTasks() {
        return app.view().openTasks();
    }

    @Override
    public PoolStatus status() {
        return app.view().status();
    }

    @Override
    public void proposeRotation(Address stalledProducer, long fromL2Block) {
        ProducerAssignment a = app.view().status().assignment().orElse(null);
        if (a == null || !a.producer().equals(stalledProducer)) {
            return;
        }
        Optional<L2Header> head = l2.get().flatMap(c -> c.block(c.headNumber())).map(L2Header::of)
                .filter(h -> h.epoch() == a.epoch());
        var tx = txs.sign(new SignedBody.RotateVote(a.epoch(), a.revision(), stalledProducer, head));
        SubmitResult r = engine.get().map(e -> e.submit(tx)).orElse(SubmitResult.REJECTED);
        LOG.log(System.Logger.Level.INFO, "voted to rotate producer " + stalledProducer + " out of epoch " + a.epoch()
                + " (revision " + a.revision() + ", stalled before L2 block " + fromL2Block + "): " + r);
    }

    @Override
    public seqpool.api.pos.ForcedQueue forcedMessages(long fromIndex) {
        return app.forced(app.view(), fromIndex, MAX_FORCED_MESSAGES);
    }

    @Override
    public void proposeBatch(seqpool.api.submitter.BatchHeader h, seqpool.api.submitter.BatchCompression compression) {
        var d = h.data();
        var body = new SignedBody.BatchProposal(h.batchIndex(), h.firstL2Block(), h.lastL2Block(), h.blockHashes(),
                h.postStateRoot(), d.kind().inboxCode(), d.hashes(),
                compression.id());
        SubmitResult r = engine.get().map(e -> e.submit(txs.sign(body))).orElse(SubmitResult.REJECTED);
        LOG.log(System.Logger.Level.INFO, "proposed batch " + h.batchIndex() + " (L2 " + h.firstL2Block() + ".."
                + h.lastL2Block() + ", " + d.kind() + "): " + r);
    }

    @Override
    public void refuseBatch(seqpool.api.pos.PosTask task, String reason) {
        String why = reason.length() > SignedBody.BatchRefusal.MAX_REASON
                ? reason.substring(0, SignedBody.BatchRefusal.MAX_REASON) : reason;
        SubmitResult r = engine.get().map(e -> e.submit(txs.sign(new SignedBody.BatchRefusal(task.id(),
                task.attempt(), why)))).orElse(SubmitResult.REJECTED);
        LOG.log(System.Logger.Level.WARNING, "refused to sign " + task.id() + " attempt " + task.attempt() + ": " + why
                + " (" + r + ")");
    }

    @Override
    public List<seqpool.api.pos.PostedBatch> postedBatches() {
        return app.view().postedBatches();
    }

    @Override
    public AutoCloseable subscribe(PosListener listener) {
        return events.subscribe(listener);
    }
}
