package seqpool.sequencer.rpc.server;

import seqpool.sequencer.rpc.dispatch.RpcLimits;

/**
 * Everything the JSON-RPC server can be told (docs/json-rpc.md, "Configuration"). Sizes in bytes, times in
 * milliseconds, rates per second. Build with {@link #builder()}; every field has a default.
 *
 * @param ratePerSecond calls (batch elements count one each) a connection may make per second; 0 = unlimited
 * @param rateBurst calls a connection may make at once before the rate applies
 * @param maxWsInFlight WebSocket messages of one connection processed at the same time (HTTP: one, in order)
 * @param maxQueuedMessages messages of one connection read but not started yet; beyond, the connection is closed
 * @param idleTimeoutMs an HTTP connection without a request for this long is closed
 * @param requestReadTimeoutMs a request (headers and body, or a WebSocket message) must arrive within this time of its
 *     first byte
 * @param requestTimeoutMs a request not answered in this time gets {@code -32002}
 * @param wsPingIntervalMs a silent WebSocket gets a ping after this time and is closed if still silent after as long
 * @param wsMaxPendingBytes notification bytes queued for a WebSocket client that does not read; beyond, it is closed
 */
public record RpcSettings(String host, int port, int ioThreads, int workerThreads, int workerQueue,
        int maxHttpBodyBytes, int maxWsMessageBytes, int maxConnections, int maxConnectionsPerAddress,
        double ratePerSecond, int rateBurst, int maxSubscriptionsPerConnection, int maxWsInFlight,
        int maxQueuedMessages, long idleTimeoutMs, long requestReadTimeoutMs, long requestTimeoutMs,
        long wsPingIntervalMs, int wsMaxPendingBytes, boolean wsEnabled, RpcLimits limits) {
    public RpcSettings {
        if (host == null || port < 0 || port > 65535 || ioThreads < 1 || workerThreads < 1 || workerQueue < 1) {
            throw new IllegalArgumentException("invalid RPC address or threads");
        }
        if (maxHttpBodyBytes < 1024 || maxWsMessageBytes < 1024 || maxConnections < 1
                || maxConnectionsPerAddress < 1 || rateBurst < 1 || maxSubscriptionsPerConnection < 0
                || maxWsInFlight < 1 || maxQueuedMessages < 1 || wsMaxPendingBytes < 1024 || limits == null) {
            throw new IllegalArgumentException("invalid RPC limits");
        }
        if (idleTimeoutMs < 1 || requestReadTimeoutMs < 1 || requestTimeoutMs < 1 || wsPingIntervalMs < 1) {
            throw new IllegalArgumentException("invalid RPC timeouts");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.ioThreads = ioThreads;
        b.workerThreads = workerThreads;
        b.workerQueue = workerQueue;
        b.maxHttpBodyBytes = maxHttpBodyBytes;
        b.maxWsMessageBytes = maxWsMessageBytes;
        b.maxConnections = maxConnections;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.ratePerSecond = ratePerSecond;
        b.rateBurst = rateBurst;
        b.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection;
        b.maxWsInFlight = maxWsInFlight;
        b.maxQueuedMessages = maxQueuedMessages;
        b.idleTimeoutMs = idleTimeoutMs;
        b.requestReadTimeoutMs = requestReadTimeoutMs;
        b.requestTimeoutMs = requestTimeoutMs;
        b.wsPingIntervalMs = wsPingIntervalMs;
        b.wsMaxPendingBytes = wsMaxPendingBytes;
        b.wsEnabled = wsEnabled;
        b.limits = limits;
        return b;
    }

    /**
     * Defaults: loopback:9545 (8545 is the L1 node's), 5 MiB HTTP bodies, 1 MiB WebSocket messages, 1000 connections,
     * 500 calls/s per connection.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 9545;
        private int ioThreads = 2;
        private int workerThreads = 4;
        private int workerQueue = 1024;
        private int maxHttpBodyBytes = 5 << 20;
        private int maxWsMessageBytes = 1 << 20;
        private int maxConnections = 1000;
        private int maxConnectionsPerAddress = 100;
        private double ratePerSecond = 500;
        private int rateBurst = 1000;
        private int maxSubscriptionsPerConnection = 100;
        private int maxWsInFlight = 16;
        private int maxQueuedMessages = 4096;
        private long idleTimeoutMs = 60_000;
        private long requestReadTimeoutMs = 10_000;
        private long requestTimeoutMs = 30_000;
        private long wsPingIntervalMs = 30_000;
        private int wsMaxPendingBytes = 4 << 20;
        private boolean wsEnabled = true;
        private RpcLimits limits = RpcLimits.DEFAULT;

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        public Builder workerQueue(int v) {
            workerQueue = v;
            return this;
        }

        public Builder maxHttpBodyBytes(int v) {
            maxHttpBodyBytes = v;
            return this;
        }

        public Builder maxWsMessageBytes(int v) {
            maxWsMessageBytes = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxConnectionsPerAddress(int v) {
            maxConnectionsPerAddress = v;
            return this;
        }

        public Builder rate(double perSecond, int burst) {
            ratePerSecond = perSecond;
            rateBurst = burst;
            return this;
        }

        public Builder maxSubscriptionsPerConnection(int v) {
            maxSubscriptionsPerConnection = v;
            return this;
        }

        public Builder maxWsInFlight(int v) {
            maxWsInFlight = v;
            return this;
        }

        public Builder maxQueuedMessages(int v) {
            maxQueuedMessages = v;
            return this;
        }

        public Builder idleTimeoutMs(long v) {
            idleTimeoutMs = v;
            return this;
        }

        public Builder requestReadTimeoutMs(long v) {
            requestReadTimeoutMs = v;
            return this;
        }

        public Builder requestTimeoutMs(long v) {
            requestTimeoutMs = v;
            return this;
        }

        public Builder wsPingIntervalMs(long v) {
            wsPingIntervalMs = v;
            return this;
        }

        public Builder wsMaxPendingBytes(int v) {
            wsMaxPendingBytes = v;
            return this;
        }

        public Builder wsEnabled(boolean v) {
            wsEnabled = v;
            return this;
        }

        public Builder limits(RpcLimits v) {
            limits = v;
            return this;
        }

        public RpcSettings build() {
            return new RpcSettings(host, port, ioThreads, workerThreads, workerQueue, maxHttpBodyBytes,
                    maxWsMessageBytes, maxConnections, maxConnectionsPerAddress, ratePerSecond, rateBurst,
                    maxSubscriptionsPerConnection, maxWsInFlight, maxQueuedMessages, idleTimeoutMs,
                    requestReadTimeoutMs, requestTimeoutMs, wsPingIntervalMs, wsMaxPendingBytes, wsEnabled, limits);
        }
    }
}
