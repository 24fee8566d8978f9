package seqpool.sequencer.rpc.dispatch;

/** The connection a request came on: its rate limit and, on WebSocket, its subscriptions. */
public interface RpcSession {
    /** Takes one call's token from the connection's rate limit; false when none is left. */
    boolean tryAcquire();

    /** Whether the transport can push notifications (WebSocket yes, HTTP no). */
    boolean supportsSubscriptions();

    /**
     * Registers a subscription and returns its id ({@code 0x} + hex). Its notifications start only after the response
     * that carries the id has been queued for sending.
     *
     * @throws RpcException {@code -32005} at the connection's subscription limit
     */
    String subscribe(Subscription subscription) throws RpcException;

    /** Removes one of this connection's subscriptions; false if it has none with that id. */
    boolean unsubscribe(String id);
}
