package seqpool.api.sequencer;

/**
 * Two different blocks of one number, both signed by the same producer (since 2.1). Each block carries the producer's
 * signature over its header hash, so anyone can check the pair without trusting the node that reports it.
 */
public record L2Equivocation(L2Block first, L2Block second) {
    public L2Equivocation {
        if (first == null || second == null || first.number() != second.number()
                || !first.producer().equals(second.producer()) || first.hash().equals(second.hash())) {
            throw new IllegalArgumentException("not an equivocation: two different blocks of one number and producer");
        }
    }
}
