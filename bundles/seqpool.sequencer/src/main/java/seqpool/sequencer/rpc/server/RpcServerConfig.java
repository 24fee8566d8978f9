package seqpool.sequencer.rpc.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Typed configuration of the JSON-RPC server (PID {@code seqpool.rpc}); docs/json-rpc.md. Times in milliseconds. */
@ObjectClassDefinition(name = "seqpool JSON-RPC", description = "Ethereum JSON-RPC over HTTP and WebSocket")
public @interface RpcServerConfig {
    @AttributeDefinition(description = "address to listen on (0.0.0.0 for all interfaces)")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "port for HTTP POST / and WebSocket upgrade of GET /")
    int port() default 9545;

    @AttributeDefinition(description = "accept WebSocket upgrades (subscriptions)")
    boolean wsEnabled() default true;

    @AttributeDefinition(description = "netty I/O threads")
    int ioThreads() default 2;

    @AttributeDefinition(description = "threads that run requests against the node")
    int workerThreads() default 4;

    @AttributeDefinition(description = "requests waiting for a worker; beyond, -32005 server busy")
    int workerQueue() default 1024;

    @AttributeDefinition(description = "largest HTTP request body in bytes (413 beyond)")
    int maxHttpBodyBytes() default 5 << 20;

    @AttributeDefinition(description = "largest WebSocket message in bytes (close 1009 beyond)")
    int maxWsMessageBytes() default 1 << 20;

    @AttributeDefinition(description = "requests in one batch (-32600 beyond)")
    int maxBatch() default 1000;

    @AttributeDefinition(description = "largest response in characters (-32005 beyond)")
    int maxResponseBytes() default 16 << 20;

    @AttributeDefinition(description = "open connections in all")
    int maxConnections() default 1000;

    @AttributeDefinition(description = "open connections from one remote address")
    int maxConnectionsPerAddress() default 100;

    @AttributeDefinition(description = "calls per second per connection, each batch element counts (0 = unlimited)")
    double ratePerSecond() default 500;

    @AttributeDefinition(description = "calls a connection may make at once before the rate applies")
    int rateBurst() default 1000;

    @AttributeDefinition(description = "subscriptions per WebSocket connection")
    int maxSubscriptionsPerConnection() default 100;

    @AttributeDefinition(description = "WebSocket messages of one connection processed at the same time")
    int maxWsInFlight() default 16;

    @AttributeDefinition(description = "HTTP connection without a request for this long is closed")
    long idleTimeoutMs() default 60_000;

    @AttributeDefinition(description = "a request must arrive completely within this time of its first byte")
    long requestReadTimeoutMs() default 10_000;

    @AttributeDefinition(description = "a request not answered within this time gets -32002")
    long requestTimeoutMs() default 30_000;

    @AttributeDefinition(description = "ping a silent WebSocket after this time; close it after twice")
    long wsPingIntervalMs() default 30_000;

    @AttributeDefinition(description = "unread notification bytes after which a WebSocket client is disconnected")
    int wsMaxPendingBytes() default 4 << 20;

    @AttributeDefinition(description = "blocks one eth_getLogs may span")
    int maxLogBlockRange() default 10_000;

    @AttributeDefinition(description = "logs one eth_getLogs may return")
    int maxLogResults() default 10_000;

    @AttributeDefinition(description = "blocks one eth_feeHistory returns at most")
    int maxFeeHistoryBlocks() default 1024;
}
