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

    /** A body signed by a pool member (its node key). */
    record Signed(SignedBody body, seqpool.api.common.Address signer, seqpool.api.identity.EcdsaSignature signature)
            implements PosTx {
    }
}
