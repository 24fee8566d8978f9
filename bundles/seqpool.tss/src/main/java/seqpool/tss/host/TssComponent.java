package seqpool.tss.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.api.metrics.MetricSink;
import seqpool.api.metrics.MetricSource;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdKeyService;
import seqpool.api.tss.ThresholdSignature;
import seqpool.api.tss.TssException;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.keystore.WrongPassphraseException;

/**
 * The OSGi service: opens the vault with the operator's passphrase, starts the event thread in {@code activate},
 * stops it in {@code deactivate}. A wrong passphrase fails activation with a clear message (the node keeps running
 * without the TSS service). Also a {@link MetricSource}: sessions by kind and outcome (docs/operations.md).
 */
@Component(service = {ThresholdKeyService.class, MetricSource.class}, configurationPid = "seqpool.tss",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TssConfiguration.class)
public final class TssComponent implements ThresholdKeyService, MetricSource {
    private final ScheduledExecutorService loop;
    private final ShareVault vault;
    private final TssNode node;
    private final TssMetrics metrics = new TssMetrics();

    @Activate
    public TssComponent(@Reference P2pNetwork net, @Reference KeyValueStore store,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) TraceSink trace, TssConfiguration config)
            throws IOException, StoreException, WrongPassphraseException {
        char[] passphrase = passphrase(config);
        try {
            this.vault = ShareVault.open(store, passphrase, new SecureRandom());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqpool-tss");
            t.setDaemon(true);
            return t;
        });
        this.node = new TssNode(net, vault, new SecureRandom(), trace == null ? TraceSink.NONE : trace, Address::toHex,
                loop, Duration.ofSeconds(config.sessionTimeoutSeconds()));
    }

    private static char[] passphrase(TssConfiguration config) throws IOException {
        if (!config.passphraseFile().isEmpty()) {
            List<String> lines = Files.readAllLines(Path.of(config.passphraseFile()), StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IOException("tss.passphraseFile " + config.passphraseFile() + " is empty");
            }
            return lines.get(0).toCharArray();
        }
        String env = System.getenv("SEQPOOL_TSS_PASSPHRASE");
        if (env == null || env.isEmpty()) {
            throw new IOException("no TSS passphrase: set tss.passphraseFile or SEQPOOL_TSS_PASSPHRASE");
        }
        return env.toCharArray();
    }

    @Deactivate
    void deactivate() {
        node.close();
        loop.shutdownNow();
        vault.close();
    }

    @Override
    public CompletionStage<KeyInfo> generate(KeyId keyId, Committee committee, long epoch) {
        return metrics.track(TssMetrics.Session.KEYGEN, node.generate(keyId, committee, epoch));
    }

    @Override
    public CompletionStage<KeyInfo> reshare(KeyId keyId, Committee oldCommittee, int fromGeneration,
            Committee newCommittee, Bytes expectedGroupKey, long epoch) {
        return metrics.track(TssMetrics.Session.RESHARE,
                node.reshare(keyId, oldCommittee, fromGeneration, newCommittee, expectedGroupKey, epoch));
    }

    @Override
    public CompletionStage<KeyInfo> refresh(KeyId keyId, long epoch) {
        return metrics.track(TssMetrics.Session.REFRESH, node.refresh(keyId, epoch));
    }

    @Override
    public CompletionStage<ThresholdSignature> sign(KeyId keyId, SignatureScheme scheme, Bytes message,
            Set<Address> signers) {
        return metrics.track(TssMetrics.Session.SIGN, node.sign(keyId, scheme, message, signers));
    }

    @Override
    public void collect(MetricSink sink) {
        metrics.collect(sink);
    }

    @Override
    public void delete(KeyId keyId) throws TssException {
        node.delete(keyId);
    }

    @Override
    public Optional<KeyInfo> status(KeyId keyId) throws TssException {
        return node.status(keyId);
    }

    @Override
    public List<KeyInfo> keys() throws TssException {
        return node.keys();
    }
}
