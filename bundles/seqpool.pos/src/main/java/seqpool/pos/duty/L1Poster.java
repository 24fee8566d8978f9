package seqpool.pos.duty;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.PosService;
import seqpool.api.pos.PosTask;
import seqpool.api.staking.PoolActionResult;
import seqpool.api.staking.PoolActionSender;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.StakingException;
import seqpool.contracts.digest.PoolSignatureEncoding;
import seqpool.pos.state.EvidenceCodec;

/**
 * Posts a task's result to L1 in the committed poster order: the poster of rank 0 at once, rank r after
 * {@code r × fallbackDelay}, each only while the task is still open (the pool closes it when the L1 event is
 * committed) and only if L1 does not already hold the result (the sender checks). A failure is retried with backoff
 * until the task closes or its attempt changes.
 */
public final class L1Poster {
    private static final System.Logger LOG = System.getLogger(L1Poster.class.getName());
    private final PoolActionSender sender;
    private final PosService pos;
    private final ScheduledExecutorService duty;
    private final long fallbackDelayMs;

    public L1Poster(PoolActionSender sender, PosService pos, ScheduledExecutorService duty, long fallbackDelayMs) {
        this.sender = sender;
        this.pos = pos;
        this.duty = duty;
        this.fallbackDelayMs = fallbackDelayMs;
    }

    /** @param poolSignature the FROST signature (R ‖ z), empty for evidence */
    public void post(PosTask t, Bytes poolSignature, int rank) {
        if (rank < 0) {
            return;
        }
        duty.schedule(() -> attempt(t, poolSignature, 0), rank * fallbackDelayMs, TimeUnit.MILLISECONDS);
    }

    private void attempt(PosTask t, Bytes sig, int tries) {
        boolean stillOpen = pos.openTasks().stream().anyMatch(o -> o.id().equals(t.id()) && o.attempt() == t.attempt());
        if (!stillOpen) {
            return;
        }
        try {
            PoolActionResult r = send(t, sig);
            LOG.log(System.Logger.Level.INFO, "posted " + t.id() + " to L1: " + describe(r));
        } catch (StakingException | RuntimeException e) {
            long delay = Math.min(30_000, 1_000L << Math.min(tries, 5));
            LOG.log(System.Logger.Level.WARNING, "posting " + t.id() + " to L1 failed (retry in " + delay + " ms): "
                    + e.getMessage());
            duty.schedule(() -> attempt(t, sig, tries + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    private PoolActionResult send(PosTask t, Bytes sig) throws StakingException {
        Map<String, String> p = t.params();
        if (t.kind() == seqpool.api.pos.PosTaskKind.REPORT_DOUBLE_SIGN) {
            try {
                return sender.slashDoubleSign(EvidenceCodec.decode(Bytes.fromHex(p.get("evidence"))));
            } catch (seqpool.pos.tx.MalformedTxException e) {
                throw new StakingException("evidence in task " + t.id() + " is unreadable: " + e.getMessage(), e);
            }
        }
        Bytes l1Sig = Bytes.wrap(PoolSignatureEncoding.frostFromRfc9591(sig.toArray()));
        return switch (t.kind()) {
            case SIGN_EPOCH -> "commit".equals(p.get("action"))
                    ? sender.commitEpoch(l(p, "epochId"), l(p, "first"), l(p, "last"), Address.fromHex(p.get("producer")),
                            l1Sig)
                    : sender.recommitEpoch(l(p, "epochId"), (int) l(p, "rotation"), l(p, "from"),
                            Address.fromHex(p.get("producer")), l1Sig);
            case SIGN_JAIL -> sender.jail(l(p, "actionNonce"), new SequencerId(l(p, "seqId")),
                    Hash32.fromHex(p.get("reason")), l1Sig);
            case SIGN_SLASH -> sender.slash(l(p, "actionNonce"), new SequencerId(l(p, "seqId")),
                    new BigInteger(p.get("amount")), Hash32.fromHex(p.get("reason")), l1Sig);
            case SIGN_REWARDS -> sender.submitRewards(l(p, "batchId"), l(p, "startEpoch"), l(p, "endEpoch"),
                    longs(p.get("seqIds")).stream().map(SequencerId::new).toList(),
                    longs(p.get("blocks")).stream().map(BigInteger::valueOf).toList(), l1Sig);
            default -> throw new StakingException("task kind " + t.kind() + " posts nothing", (String) null);
        };
    }

    private static long l(Map<String, String> p, String k) {
        return Long.parseLong(p.get(k));
    }

    private static List<Long> longs(String s) {
        return s == null || s.isEmpty() ? List.of()
                : java.util.Arrays.stream(s.split(",")).map(Long::parseLong).toList();
    }

    private static String describe(PoolActionResult r) {
        if (r instanceof PoolActionResult.Sent s) {
            return "sent " + s.outcome().txHash() + " in block " + s.outcome().block() + " (gas " + s.outcome().gasUsed()
                    + ")";
        }
        return "already done: " + ((PoolActionResult.AlreadyDone) r).why();
    }
}
