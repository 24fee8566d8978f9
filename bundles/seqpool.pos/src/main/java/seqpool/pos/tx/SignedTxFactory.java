package seqpool.pos.tx;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.identity.NodeSigner;

/** Signs a body with the node's key for one pool and encodes the transaction. Thread-safe. */
public final class SignedTxFactory {
    private final NodeSigner signer;
    private final long l1ChainId;
    private final Address lockingPool;

    public SignedTxFactory(NodeSigner signer, long l1ChainId, Address lockingPool) {
        this.signer = signer;
        this.l1ChainId = l1ChainId;
        this.lockingPool = lockingPool;
    }

    public Address self() {
        return signer.address();
    }

    public Bytes sign(SignedBody body) {
        var sig = signer.sign(PosTxCodec.signingDigest(l1ChainId, lockingPool, body));
        return PosTxCodec.encode(new PosTx.Signed(body, signer.address(), sig));
    }
}
