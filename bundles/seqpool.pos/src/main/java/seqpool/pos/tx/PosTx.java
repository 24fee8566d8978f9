package seqpool.pos.tx;

import seqpool.api.bridge.L1Event;

/** A consensus transaction of the PoS application. */
public sealed interface PosTx {
    /** A confirmed L1 event of the pool's contracts (side transaction: every validator checks it on its own L1 view). */
    record L1EventTx(L1Event event) implements PosTx {
    }

    /** The newest L2 header the proposer holds: the pool's liveness signal of the producer. */
    record L2ProgressTx(L2Header header) implements PosTx {
    }

    /**
     * Evidence that an L2 producer signed two different headers of one block number (each header verifiable on its own
     * with the producer's signature). Committed, it slashes and jails that producer.
     */
    record L2EquivocationTx(L2Header first, L2Header second) implements PosTx {
        public L2EquivocationTx {
            if (first == null || second == null) {
                throw new IllegalArgumentException("two headers needed");
            }
        }
    }

    /** A body signed by a pool member (its node key). */
    record Signed(SignedBody body, seqpool.api.common.Address signer, seqpool.api.identity.EcdsaSignature signature)
            implements PosTx {
    }
}
