package seqpool.pos.state;

import java.util.Optional;

import seqpool.api.common.Hash32;
import seqpool.pos.tx.L2Header;
import seqpool.pos.tx.PosTx;

/**
 * When two L2 headers prove that a producer equivocated: the same block number, the same producer, different header
 * hashes, and both signatures the producer's over the pool's L2 chain id; the producer is a member of the pool and was
 * not punished for that number before. Any valid pair proves it, whoever holds it: the headers carry everything a
 * validator needs, so the check needs no L2 chain of its own. Stateless.
 */
public final class L2EquivocationRule {
    private L2EquivocationRule() {
    }

    /** Why the evidence is not acceptable in {@code s}, or empty when it proves a punishable equivocation. */
    public static Optional<String> refusal(PosParams p, PosState s, PosTx.L2EquivocationTx q) {
        L2Header a = q.first();
        L2Header b = q.second();
        if (a.number() != b.number()) {
            return Optional.of("headers of blocks " + a.number() + " and " + b.number() + ", not of one number");
        }
        if (!a.producer().equals(b.producer())) {
            return Optional.of("headers of block " + a.number() + " by two producers");
        }
        if (a.hash(p.l2ChainId()).equals(b.hash(p.l2ChainId()))) {
            return Optional.of("the same header twice for block " + a.number());
        }
        if (!a.signedByProducer(p.l2ChainId()) || !b.signedByProducer(p.l2ChainId())) {
            return Optional.of("a header of block " + a.number() + " is not signed by " + a.producer().toHex());
        }
        Optional<Member> m = s.memberBySigner(a.producer());
        if (m.isEmpty()) {
            return Optional.of(a.producer().toHex() + " is not a member of the pool");
        }
        if (s.equivocationPunished(reason(m.get(), a.number()))) {
            return Optional.of("equivocation of " + a.producer().toHex() + " at block " + a.number()
                    + " is already punished");
        }
        return Optional.empty();
    }

    static Hash32 reason(Member m, long number) {
        return TaskParams.l2EquivocationReason(m.seqId(), number);
    }
}
