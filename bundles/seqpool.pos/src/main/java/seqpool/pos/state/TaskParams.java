package seqpool.pos.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;
import seqpool.pos.l1.PoolDigests;

/**
 * Task ids and the parameters fixed when an attempt opens: the session (the opening height, bound into TSS session
 * ids), the signers of a pool signature (exactly the committee's threshold, leaving out members suspected in earlier
 * attempts, rotating with the attempt), the poster order, and the digest to sign (computed as the contracts do).
 */
final class TaskParams {
    private final PosParams p;
    private final PosState s;
    private final PoolDigests digests;

    TaskParams(PosParams p, PosState s, PoolDigests digests) {
        this.p = p;
        this.s = s;
        this.digests = digests;
    }

    static String commitEpochId(long epoch) {
        return "commit-epoch:" + epoch;
    }

    static String recommitEpochId(long epoch, int rotation) {
        return "recommit-epoch:" + epoch + ":" + rotation;
    }

    static String rewardsId(long batch) {
        return "rewards:" + batch;
    }

    static String jailId(long seqId, Hash32 reason) {
        return "jail:" + seqId + ":" + reason.value().toHex();
    }

    static String slashId(long seqId, Hash32 reason) {
        return "slash:" + seqId + ":" + reason.value().toHex();
    }

    /** Why the pool slashes and jails an L2 equivocator: keccak256("seqpool.l2-equivocation" ‖ seqId ‖ block number). */
    static Hash32 l2EquivocationReason(long seqId, long number) {
        byte[] tag = "seqpool.l2-equivocation".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(tag.length + 16).put(tag).putLong(seqId).putLong(number);
        return Keccak.keccak256(Bytes.wrap(b.array()));
    }

    /** Why the pool jails a stalled producer: keccak256("seqpool.stall" ‖ seqId ‖ epoch). */
    static Hash32 stallReason(long seqId, long epoch) {
        byte[] tag = "seqpool.stall".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(tag.length + 16).put(tag).putLong(seqId).putLong(epoch);
        return Keccak.keccak256(Bytes.wrap(b.array()));
    }

    void prepare(Task t) {
        t.params.put("session", Long.toString(s.height));
        switch (t.kind) {
            case SIGN_EPOCH, SIGN_JAIL, SIGN_SLASH, SIGN_REWARDS -> {
                List<Address> signers = signers(t);
                t.params.put("signers", Addresses.join(signers));
                t.params.put("digest", digest(t).value().toHex());
                t.params.put("posters", Addresses.join(signers));
            }
            case REPORT_DOUBLE_SIGN -> t.params.put("posters", Addresses.join(rotate(s.epochSet.isEmpty()
                    ? new ArrayList<>(s.powers.keySet()) : new ArrayList<>(s.epochSet), t.attempt)));
            default -> {
            }
        }
    }

    private List<Address> signers(Task t) {
        CommitteeState c = s.committee;
        List<Address> candidates = new ArrayList<>();
        for (Address a : c.members()) {
            if (!t.suspects.contains(a)) {
                candidates.add(a);
            }
        }
        if (candidates.size() < c.threshold()) {
            t.suspects.clear();
            candidates = new ArrayList<>(c.members());
        }
        return rotate(candidates, t.attempt).subList(0, c.threshold()).stream().sorted().toList();
    }

    private static List<Address> rotate(List<Address> xs, int by) {
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            out.add(xs.get((i + by) % xs.size()));
        }
        return out;
    }

    private Hash32 digest(Task t) {
        var m = t.params;
        return switch (t.kind) {
            case SIGN_EPOCH -> "commit".equals(m.get("action"))
                    ? digests.commitEpoch(Long.parseLong(m.get("epochId")), Long.parseLong(m.get("first")),
                            Long.parseLong(m.get("last")), Address.fromHex(m.get("producer")))
                    : digests.recommitEpoch(Long.parseLong(m.get("epochId")), Integer.parseInt(m.get("rotation")),
                            Long.parseLong(m.get("from")), Address.fromHex(m.get("producer")));
            case SIGN_JAIL -> {
                long nonce = s.poolActionNonce + 1;
                m.put("actionNonce", Long.toString(nonce));
                yield digests.jail(nonce, Long.parseLong(m.get("seqId")), Hash32.fromHex(m.get("reason")));
            }
            case SIGN_SLASH -> {
                long nonce = s.poolActionNonce + 1;
                m.put("actionNonce", Long.toString(nonce));
                yield digests.slash(nonce, Long.parseLong(m.get("seqId")), new java.math.BigInteger(m.get("amount")),
                        Hash32.fromHex(m.get("reason")));
            }
            case SIGN_REWARDS -> digests.rewards(Long.parseLong(m.get("batchId")), Long.parseLong(m.get("startEpoch")),
                    Long.parseLong(m.get("endEpoch")), longs(m.get("seqIds")), longs(m.get("blocks")));
            default -> throw new IllegalStateException("no digest for " + t.kind);
        };
    }

    static List<Long> longs(String s) {
        List<Long> out = new ArrayList<>();
        if (s != null && !s.isEmpty()) {
            for (String x : s.split(",")) {
                out.add(Long.parseLong(x));
            }
        }
        return out;
    }
}
