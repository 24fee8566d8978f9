package seqpool.sequencer.derive.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Address;
import seqpool.api.sequencer.ExecutionException;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.sequencer.derive.BatchEvent;
import seqpool.sequencer.derive.Derivation;
import seqpool.sequencer.derive.DeriveReport;
import seqpool.sequencer.derive.EpochEvent;
import seqpool.sequencer.derive.L1DataException;
import seqpool.sequencer.derive.L1Log;
import seqpool.sequencer.derive.NodeView;
import seqpool.sequencer.derive.ProducerSchedule;
import seqpool.sequencer.derive.l1.BeaconBlobs;
import seqpool.sequencer.derive.l1.JsonRpcHttp;
import seqpool.sequencer.derive.l1.KzgBlobHasher;
import seqpool.sequencer.derive.l1.L1Client;
import seqpool.sequencer.derive.l1.NodeRpc;

/**
 * One derivation with resolved settings: reads the contracts file, the batch and epoch events of the L1 range,
 * starts a fresh engine, runs {@link Derivation} and prints its lines, the summary and the FIGURE lines. Returns the
 * exit code: 0 all matched, 1 a problem (named on the batch's line), 2 a configuration error.
 */
final class DeriveRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DeriveSettings s;
    private final CodecSource codecs;
    private final PrintStream out;
    private final PrintStream err;

    DeriveRunner(DeriveSettings s, CodecSource codecs, PrintStream out, PrintStream err) {
        this.s = s;
        this.codecs = codecs;
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        DeployedContracts contracts;
        try {
            contracts = DeployedContracts.readFrom(s.contractsFile());
        } catch (IOException e) {
            err.println("derive: cannot read the contracts file: " + e.getMessage());
            return 2;
        }
        L1Client l1 = new L1Client(new JsonRpcHttp(s.l1Url(), s.attempts(), TIMEOUT),
                new BeaconBlobs(new JsonRpcHttp(s.beaconUrl(), s.attempts(), TIMEOUT)), s.logRange());
        Address inbox = Address.fromHex(contracts.batchInbox());
        Address sequencerSet = Address.fromHex(contracts.sequencerSet());
        List<BatchEvent> batches = new ArrayList<>();
        List<EpochEvent> epochs = new ArrayList<>();
        long from;
        long to;
        try {
            long chainId = l1.chainId();
            if (chainId != contracts.chainId()) {
                err.println("derive: L1 at " + s.l1Url() + " is chain " + chainId + " but " + s.contractsFile()
                        + " was deployed on chain " + contracts.chainId());
                return 2;
            }
            from = s.from() >= 0 ? s.from() : contracts.deployBlock();
            to = s.to() >= 0 ? s.to() : l1.headNumber();
            for (L1Log log : l1.logs(inbox, List.of(BatchEvent.TOPIC), from, to)) {
                batches.add(BatchEvent.decode(log));
            }
            for (L1Log log : l1.logs(sequencerSet, List.of(EpochEvent.COMMITTED, EpochEvent.RECOMMITTED), from, to)) {
                epochs.add(EpochEvent.decode(log));
            }
        } catch (L1DataException e) {
            err.println("derive: cannot read L1: " + e.getMessage());
            out.println("FIGURE derive_blocks_matched 0");
            return 1;
        }
        out.println("derive: L1 blocks " + from + ".." + to + ": " + batches.size() + " batches (BatchInbox "
                + inbox.toHex() + "), " + epochs.size() + " epoch events (SequencerSet " + sequencerSet.toHex()
                + "); L2 chain " + s.l2ChainId() + " from block " + s.firstL2Block() + ", engine " + s.engine()
                + s.compareUrl().map(u -> ", comparing with " + u).orElse(""));
        Optional<NodeView> node = s.compareUrl().map(u -> new NodeRpc(new JsonRpcHttp(u, s.attempts(), TIMEOUT)));
        Derivation.Inputs inputs = new Derivation.Inputs(inbox, s.firstL2Block(), batches, ProducerSchedule.of(epochs));
        try (CodecSource.Lease codec = codecs.open(s.l2ChainId(), s.l1Fork(), s.maxBlobsPerTransaction());
                DeriveEngine engine = DeriveEngine.start(s)) {
            DeriveReport report = new Derivation(inputs, l1, new KzgBlobHasher(), codec.codec(), engine.engine(), node)
                    .run(from, to, out::println);
            report.warnings().forEach(w -> out.println("warning: " + w));
            report.summary().forEach(out::println);
            return report.exitCode();
        } catch (ExecutionException e) {
            err.println("derive: " + e.getMessage());
            return 2;
        }
    }
}
