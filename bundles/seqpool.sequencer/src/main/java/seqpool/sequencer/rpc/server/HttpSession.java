package seqpool.sequencer.rpc.server;

import seqpool.sequencer.rpc.dispatch.RpcError;
import seqpool.sequencer.rpc.dispatch.RpcException;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.dispatch.Subscription;
import seqpool.sequencer.rpc.dispatch.TokenBucket;

/** An HTTP connection: a rate limit, no subscriptions. */
final class HttpSession implements RpcSession {
    private final TokenBucket bucket;

    HttpSession(TokenBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public boolean tryAcquire() {
        return bucket.tryAcquire();
    }

    @Override
    public boolean supportsSubscriptions() {
        return false;
    }

    @Override
    public String subscribe(Subscription subscription) throws RpcException {
        throw new RpcException(RpcError.METHOD_NOT_FOUND, "notifications not supported");
    }

    @Override
    public boolean unsubscribe(String id) {
        return false;
    }
}
