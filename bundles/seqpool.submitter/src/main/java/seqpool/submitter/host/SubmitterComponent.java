package seqpool.submitter.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.web3j.protocol.http.HttpService;

import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.identity.NodeSigner;
import seqpool.api.pos.PosListener;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PostedBatch;
import seqpool.api.sequencer.L2Chain;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BatchSubmitter;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.Submission;
import seqpool.api.submitter.SubmissionStatus;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.submitter.cut.BatchCutter;
import seqpool.submitter.cut.CutLimits;
import seqpool.submitter.fee.DataFeeRule;
import seqpool.submitter.fee.L1Fees;
import seqpool.submitter.fee.L1Fork;
import seqpool.submitter.post.BatchPoster;
import seqpool.submitter.post.L1Port;
import seqpool.submitter.post.PostingPolicy;
import seqpool.submitter.post.Web3jL1Port;
import seqpool.submitter.propose.BatchProposer;
import seqpool.submitter.sign.BatchSigner;
import seqpool.submitter.sign.Rederivation;

/**
 * The batch submitter of this node (DESIGN.md §3 step 7): proposes due batches, re-derives and signs the ones the pool
 * chose it for, posts signed ones from its rank, and tracks the L2 safe head (batches the pool committed as on L1)
 * and finalized head (those whose L1 block is final). Everything runs on one thread, stepped every {@code pollMs}.
 * Immediate: it works whether or not anyone uses its service. Its configuration is the codec's ({@link BatchCodecComponent} designates the metatype).
 */
@Component(service = {BatchSubmitter.class, MetricSource.class}, configurationPid = "seqpool.submitter",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class SubmitterComponent implements BatchSubmitter, PosListener, MetricSource {
    private static final System.Logger LOG = System.getLogger(SubmitterComponent.class.getName());
    /** appendBatch's own gas with one blob (docs/gas.md), for the blob-or-calldata rule under Prague. */
    private static final long APPEND_BATCH_EXECUTION_GAS = 60_000;
    /** L1 nodes drop transactions over 128 KiB; the batch data leaves room for the rest of the call. */
    private static final int MAX_CALLDATA_BYTES = 120 * 1024;

    private final PosService pos;
    private final L1Port l1;
    private final long firstL2Block;
    private final ScheduledExecutorService thread;
    private final BatchProposer proposer;
    private final BatchSigner signer;
    private final BatchPoster poster;
    private final Map<Long, BatchHeader> headers = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private volatile long finalizedL2;
    private final SubmitterMetrics metrics;

    @Activate
    public SubmitterComponent(SubmitterConfig config, @Reference BatchCodec codec, @Reference L2Chain chain,
            @Reference PosService pos, @Reference ThresholdKeyService tss, @Reference NodeSigner node)
            throws IOException {
        this.pos = pos;
        this.firstL2Block = config.firstL2Block();
        DeployedContracts d = DeployedContracts.readFrom(Path.of(config.contractsFile()));
        Address inbox = Address.fromHex(d.batchInbox());
        this.l1 = new Web3jL1Port(new HttpService(config.rpcUrl()), inbox, node.address());
        this.finalizedL2 = firstL2Block - 1;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-submitter");
            t.setDaemon(true);
            return t;
        });
        L1Fork fork = L1Fork.of(config.l1Fork(), config.maxBlobsPerTransaction());
        int blobs = Math.max(1, Math.min(config.blobsPerBatch(), fork.maxBlobsPerTx()));
        this.proposer = new BatchProposer(codec, chain, pos, node.address(), firstL2Block,
                new BatchCutter(CutLimits.forBlobs(blobs, config.maxAgeMs())),
                kindRule(config.dataKind(), new DataFeeRule(fork, MAX_CALLDATA_BYTES, APPEND_BATCH_EXECUTION_GAS)),
                config.submitTimeoutMs());
        PostingPolicy policy = new PostingPolicy(config.submitTimeoutMs(), config.bumpAfterMs(), config.pollMs());
        this.poster = new BatchPoster(l1, node, inbox, policy, this::committed);
        long l1ChainId = d.chainId();
        BatchSigner.DigestRule digests = h -> Bytes.wrap(PoolMessageDigest.appendBatch(l1ChainId, inbox.toHex(),
                h.batchIndex(), h.firstL2Block(), h.lastL2Block(), h.blockHashes().value().toArray(),
                h.postStateRoot().value().toArray(), h.data().kind().inboxCode(),
                h.data().hashes().stream().map(x -> x.value().toArray()).toList()));
        this.signer = new BatchSigner(new Rederivation(codec, chain), pos, tss, KeyId.of(config.keyId()),
                node.address(), digests, thread, s -> {
                    headers.put(s.batch().header().batchIndex(), s.batch().header());
                    if (config.enabled()) {
                        poster.offer(s.batch(), s.l1Signature(), s.rank(), System.currentTimeMillis());
                    }
                });
        this.metrics = new SubmitterMetrics(poster.stats(), signer, chain, this, pos::postedBatches,
                System::currentTimeMillis);
        boolean propose = config.enabled();
        this.subscription = pos.subscribe(this);
        thread.scheduleWithFixedDelay(() -> step(propose), config.pollMs(), config.pollMs(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::followFinality, 1_000, 2_000, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "batch submitter for BatchInbox " + inbox + " as " + node.address()
                + (propose ? "" : " (signer only: posting disabled)"));
    }

    private void step(boolean propose) {
        try {
            long now = System.currentTimeMillis();
            if (propose) {
                proposer.tick(now);
            }
            pos.openTasks().forEach(signer::consider);
            poster.tick(now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "submitter step failed (next one in a moment): " + e, e);
        }
    }

    private void followFinality() {
        try {
            long finalL1 = l1.finalizedBlock();
            long best = finalizedL2;
            for (PostedBatch b : pos.postedBatches()) {
                if (b.l1Block() <= finalL1) {
                    best = Math.max(best, b.lastL2Block());
                }
            }
            finalizedL2 = best;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "L1 finalized block unavailable: " + e.getMessage());
        }
    }

    private boolean committed(long index) {
        List<PostedBatch> posted = pos.postedBatches();
        return !posted.isEmpty() && posted.get(posted.size() - 1).index() >= index;
    }

    @Override
    public void onTask(PosTask task) {
        thread.execute(() -> signer.consider(task));
    }

    @Override
    public Optional<BatchHeader> lastConfirmed() {
        List<PostedBatch> posted = pos.postedBatches();
        return posted.isEmpty() ? Optional.empty()
                : Optional.ofNullable(headers.get(posted.get(posted.size() - 1).index()));
    }

    @Override
    public Optional<SubmissionStatus> status(long batchIndex) {
        return submission(batchIndex).map(Submission::status);
    }

    @Override
    public Optional<Submission> submission(long batchIndex) {
        Optional<Submission> here;
        try {
            here = thread.submit(() -> poster.submission(batchIndex)).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            here = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            here = Optional.empty();
        }
        if (here.isPresent()) {
            return here;
        }
        return pos.postedBatches().stream().filter(b -> b.index() == batchIndex).findFirst()
                .map(b -> new Submission(batchIndex, SubmissionStatus.CONFIRMED, Optional.empty(),
                        Optional.of(b.l1Block()), "on L1 (committed by the pool)"));
    }

    @Override
    public void collect(MetricSink sink) {
        metrics.collect(sink);
    }

    @Override
    public long safeL2Block() {
        List<PostedBatch> posted = pos.postedBatches();
        return posted.isEmpty() ? firstL2Block - 1 : posted.get(posted.size() - 1).lastL2Block();
    }

    @Override
    public long finalizedL2Block() {
        return Math.min(finalizedL2, safeL2Block());
    }

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
        thread.shutdownNow();
    }

    private Function<Bytes, DataCommitment.Kind> kindRule(String configured, DataFeeRule rule) {
        return switch (configured.trim().toLowerCase(Locale.ROOT)) {
            case "blob" -> data -> DataCommitment.Kind.BLOB;
            case "calldata" -> data -> DataCommitment.Kind.CALLDATA;
            case "auto" -> data -> {
                try {
                    L1Port.Fees f = l1.fees();
                    return rule.choose(new L1Fees(f.baseFee(), f.blobBaseFee(), f.priorityFee()), data).kind();
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "L1 fees unavailable (" + e.getMessage() + "): posting blobs");
                    return DataCommitment.Kind.BLOB;
                }
            };
            default -> throw new IllegalArgumentException("seqpool.submitter dataKind: auto, blob or calldata, got '"
                    + configured + "'");
        };
    }
}
