package seqpool.tss.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.store.StoreException;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.api.tss.SignatureScheme;
import seqpool.api.tss.ThresholdSignature;
import seqpool.api.tss.TssException;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.share.KeyShare;

/** Runs one {@link SignSession} for the host: picks a stored nonce, sends, traces {@code Signed}, completes. */
final class SignHost {
    private final TssNode node;
    private final SignSession session;
    private final KeyInfo info;
    private final byte[] taskId;
    private final CompletableFuture<ThresholdSignature> result;
    private final long nonceId;
    private ScheduledFuture<?> deadline;

    private SignHost(TssNode node, SignSession session, KeyInfo info, byte[] taskId,
            CompletableFuture<ThresholdSignature> result, long nonceId) {
        this.node = node;
        this.session = session;
        this.info = info;
        this.taskId = taskId;
        this.result = result;
        this.nonceId = nonceId;
    }

    static void start(TssNode node, KeyId keyId, byte[] message, Set<Address> signerSet,
            CompletableFuture<ThresholdSignature> f, Map<String, SignHost> sessions, Consumer<String> drain) {
        try {
            KeyInfo info = node.vault().keyInfo(keyId).orElseThrow(() -> invalid("unknown key " + keyId));
            if (info.status() != KeyStatus.ACTIVE) {
                throw invalid("key " + keyId + " is " + info.status() + " on this node");
            }
            List<Address> signers = new ArrayList<>(new TreeSet<>(signerSet));
            if (!signers.contains(node.self()) || !info.committee().members().containsAll(signers)
                    || signers.size() < info.committee().threshold()) {
                throw invalid("signers must be at least " + info.committee().threshold()
                        + " members of generation " + info.generation() + ", this node among them");
            }
            KeyShare share = node.vault().loadShare(keyId, info.generation())
                    .orElseThrow(() -> invalid("no share of generation " + info.generation()));
            ShareVault.StoredNonce nonce = pickNonce(node, keyId, share);
            byte[] taskId = SignSession.taskId(keyId, info.generation(), signers, message);
            String task = java.util.HexFormat.of().formatHex(taskId);
            if (sessions.containsKey(task)) {
                node.reservedNonces().remove(nonce.id());
                throw invalid("the same signing request is already running");
            }
            SignSession s = new SignSession(keyId, info.committee(), signers, share, node.vault(), message, node.self(), nonce);
            SignHost h = new SignHost(node, s, info, taskId, f, nonce.id());
            sessions.put(task, h);
            h.deadline = node.schedule(() -> h.apply(s.onTimeout()));
            node.broadcast(signers, MpcEnvelope.SIGN, taskId, s.start());
            h.apply(s.kick());
            drain.accept(task);
        } catch (TssException e) {
            f.completeExceptionally(e);
        } catch (StoreException e) {
            f.completeExceptionally(new TssException(TssException.Kind.LOCAL, e.getMessage(), e));
        }
    }

    private static TssException invalid(String m) {
        return new TssException(TssException.Kind.INVALID_REQUEST, m, Set.of());
    }

    /** The lowest stored nonce not reserved by a running session; generates a fresh batch when none is left. */
    private static ShareVault.StoredNonce pickNonce(TssNode node, KeyId keyId, KeyShare share) throws StoreException {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (ShareVault.StoredNonce n : node.vault().nonceCommitments(keyId, share.generation())) {
                if (node.reservedNonces().add(n.id())) {
                    return n;
                }
            }
            List<SigningNonces> batch = new ArrayList<>();
            for (int i = 0; i < TssNode.NONCE_BATCH; i++) {
                batch.add(SigningNonces.generate(share, node.random()));
            }
            node.vault().storeNonces(keyId, share.generation(), batch, node.nextNonceIds(batch.size()));
        }
        throw new StoreException("no signing nonce available");
    }

    void onMessage(Address from, byte[] body) {
        apply(session.onMessage(from, body));
    }

    private void apply(SignSession.Step step) {
        if (step.broadcast() != null) {
            node.broadcast(session.signers(), MpcEnvelope.SIGN, taskId, step.broadcast());
        }
        if (step.signature() != null || step.failure() != null) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            node.reservedNonces().remove(nonceId);
            node.finished(java.util.HexFormat.of().formatHex(taskId));
        }
        if (step.signature() != null) {
            Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("generation", info.generation());
            f.put("signers", session.signers().stream().map(node::name).toList());
            node.trace("Signed", f);
            result.complete(new ThresholdSignature(SignatureScheme.FROST_SECP256K1_SHA256,
                    Bytes.wrap(step.signature().encode()), info.generation(), session.signers()));
        } else if (step.failure() != null) {
            result.completeExceptionally(step.failure());
        }
    }
}
