package seqpool.sequencer.rpc.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import seqpool.sequencer.rpc.dispatch.RpcError;
import seqpool.sequencer.rpc.dispatch.RpcException;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.dispatch.Subscription;

/** A session with a fixed number of tokens (or unlimited) and, if asked, subscriptions (at most 2). */
public final class TestSession implements RpcSession {
    private final boolean subscriptions;
    private long tokens;
    public final Map<String, Subscription> subs = new LinkedHashMap<>();

    public TestSession(boolean subscriptions, long tokens) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
    }

    public static TestSession http() {
        return new TestSession(false, Long.MAX_VALUE);
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (tokens <= 0) {
            return false;
        }
        tokens--;
        return true;
    }

    @Override
    public boolean supportsSubscriptions() {
        return subscriptions;
    }

    @Override
    public synchronized String subscribe(Subscription s) throws RpcException {
        if (subs.size() >= 2) {
            throw new RpcException(RpcError.LIMIT_EXCEEDED, "too many subscriptions");
        }
        String id = "0x" + Integer.toHexString(0x100 + subs.size());
        subs.put(id, s);
        return id;
    }

    @Override
    public synchronized boolean unsubscribe(String id) {
        return subs.remove(id) != null;
    }
}
