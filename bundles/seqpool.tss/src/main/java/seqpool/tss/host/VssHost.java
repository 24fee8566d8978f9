package seqpool.tss.host;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.store.StoreException;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.api.tss.TssException;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.share.KeyShare;
import seqpool.tss.vss.VssConfig;
import seqpool.tss.vss.VssDealer;
import seqpool.tss.vss.VssEffect;
import seqpool.tss.vss.VssSession;

/** Carries out a {@link VssSession}'s effects: sends, traces, persists the new share, erases the old generation. */
final class VssHost {
    private static final Logger LOG = System.getLogger(VssHost.class.getName());
    private final TssNode node;
    private final VssSession session;
    private final CompletableFuture<KeyInfo> result;
    private final String task;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> dealerDeadline;

    VssHost(TssNode node, VssConfig cfg, KeyShare oldShare, CompletableFuture<KeyInfo> result) {
        this.node = node;
        this.session = new VssSession(cfg, node.self(), oldShare, node.random(), node.names(), VssDealer.Factory.HONEST);
        this.result = result;
        this.task = java.util.HexFormat.of().formatHex(cfg.taskId());
    }

    void start() {
        deadline = node.schedule(() -> apply(session.onTimeout()));
        if (session.config().kind() == VssConfig.Kind.RESHARE) {
            // Half the session deadline for the dealers; the other half for verdicts and confirmations.
            dealerDeadline = node.scheduleFraction(() -> apply(session.onDealerDeadline()), 2);
        }
        apply(session.start());
    }

    void onMessage(Address from, byte[] body) {
        apply(session.onMessage(from, body));
    }

    private void apply(List<VssEffect> effects) {
        VssConfig cfg = session.config();
        for (VssEffect e : effects) {
            if (e instanceof VssEffect.Broadcast b) {
                node.broadcast(cfg.parties(), MpcEnvelope.VSS, cfg.taskId(), b.message().encode());
            } else if (e instanceof VssEffect.Trace t) {
                node.trace(t.event(), t.fields());
            } else if (e instanceof VssEffect.Completed c) {
                completed(cfg, c);
            } else if (e instanceof VssEffect.Aborted a) {
                end();
                LOG.log(Level.WARNING, "{0} {1} aborted: {2}", cfg.kind(), session.traceSession(), a.reason());
                result.completeExceptionally(new TssException(a.kind(), a.reason(), a.culprits()));
            }
        }
    }

    private void end() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (dealerDeadline != null) {
            dealerDeadline.cancel(false);
        }
        node.finished(task);
    }

    private void completed(VssConfig cfg, VssEffect.Completed c) {
        end();
        Bytes groupKey = Bytes.wrap(c.publicKeys().groupKeyBytes());
        try {
            KeyInfo info;
            if (c.share() != null) {
                info = new KeyInfo(cfg.keyId(), c.generation(), cfg.receivers(), groupKey, KeyStatus.ACTIVE);
                node.vault().saveGeneration(cfg.keyId(), c.share(), info);
                List<SigningNonces> batch = new ArrayList<>();
                for (int i = 0; i < TssNode.NONCE_BATCH; i++) {
                    batch.add(SigningNonces.generate(c.share(), node.random()));
                }
                node.vault().storeNonces(cfg.keyId(), c.generation(), batch, node.nextNonceIds(batch.size()));
                c.share().destroy();
            } else {
                info = new KeyInfo(cfg.keyId(), c.generation(), cfg.receivers(), groupKey, KeyStatus.NOT_A_MEMBER);
                node.vault().putKeyInfo(info);
            }
            if (c.erasableGeneration() > 0) {
                node.vault().eraseGeneration(cfg.keyId(), c.erasableGeneration());
                node.trace("GenerationErased", Map.of("generation", c.erasableGeneration()));
            }
            if (!c.culprits().isEmpty()) {
                LOG.log(Level.WARNING, "{0} {1} completed without misbehaving parties {2}", cfg.kind(),
                        session.traceSession(), c.culprits().stream().map(node::name).toList());
            }
            result.complete(info);
        } catch (StoreException ex) {
            result.completeExceptionally(new TssException(TssException.Kind.LOCAL,
                    "cannot store generation " + c.generation() + ": " + ex.getMessage(), ex));
        }
    }
}
