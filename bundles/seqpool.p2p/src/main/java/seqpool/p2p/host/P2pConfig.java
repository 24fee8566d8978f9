package seqpool.p2p.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.p2p.hello.Hello;
import seqpool.p2p.peer.PeerEndpoint;
import seqpool.p2p.wire.FrameCodec;

/**
 * Transport configuration, validated on construction (the exception names the bad key). See docs/p2p.md for the keys
 * and their defaults.
 *
 * @param listenPort 0 picks a free port (see {@link NettyP2pNetwork#boundPort()})
 * @param protocols  channel/version strings this node speaks, e.g. {@code consensus/1}
 */
public record P2pConfig(String listenHost, int listenPort, List<PeerEndpoint> peers, List<String> protocols,
                        int maxFrameBytes, int sendQueueMessages, int sendQueueBytes, long backoffMinMs,
                        long backoffMaxMs, long banSeconds, long scoreRecoverySeconds, long handshakeTimeoutMs,
                        int maxPendingHandshakes, int ioThreads, long inboundBytesPerSecond, long inboundBurstBytes) {
    public static final String DEFAULT_LISTEN_HOST = "0.0.0.0";
    public static final int DEFAULT_LISTEN_PORT = 7400;
    public static final List<String> DEFAULT_PROTOCOLS = List.of("consensus/1", "mpc/1", "l2/1");
    public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_SEND_QUEUE_MESSAGES = 4096;
    public static final int DEFAULT_SEND_QUEUE_BYTES = 16 * 1024 * 1024;
    public static final long DEFAULT_BACKOFF_MIN_MS = 200;
    public static final long DEFAULT_BACKOFF_MAX_MS = 30_000;
    public static final long DEFAULT_BAN_SECONDS = 600;
    public static final long DEFAULT_SCORE_RECOVERY_SECONDS = 60;
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 256;
    public static final int DEFAULT_IO_THREADS = 2;
    /** A peer's inbound share: far above what consensus, MPC and L2 need, far below a flood (2 GB in 10 s). */
    public static final long DEFAULT_INBOUND_BYTES_PER_SECOND = 32L * 1024 * 1024;
    public static final long DEFAULT_INBOUND_BURST_BYTES = 32L * 1024 * 1024;

    public P2pConfig {
        require(listenHost != null && !listenHost.isBlank(), "listenHost is required");
        require(listenPort >= 0 && listenPort <= 65535, "listenPort must be in 0..65535");
        peers = List.copyOf(peers);
        protocols = List.copyOf(protocols);
        Set<Address> seen = new HashSet<>();
        for (PeerEndpoint p : peers) {
            require(seen.add(p.address()), "peers lists " + p.address() + " twice");
        }
        try {
            Hello.fromProtocols(protocols);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocols: " + e.getMessage(), e);
        }
        require(maxFrameBytes >= FrameCodec.MIN_MAX_FRAME_BYTES, "maxFrameBytes must be ≥ " + FrameCodec.MIN_MAX_FRAME_BYTES);
        require(sendQueueMessages >= 1, "sendQueueMessages must be ≥ 1");
        require((long) sendQueueBytes >= (long) maxFrameBytes + FrameCodec.LENGTH_BYTES,
                "sendQueueBytes must hold at least one maximum frame (≥ maxFrameBytes + 4)");
        require(backoffMinMs >= 1 && backoffMaxMs >= backoffMinMs, "backoff needs 1 ≤ backoffMinMs ≤ backoffMaxMs");
        require(banSeconds >= 0, "banSeconds must be ≥ 0");
        require(scoreRecoverySeconds >= 1, "scoreRecoverySeconds must be ≥ 1");
        require(handshakeTimeoutMs >= 100, "handshakeTimeoutMs must be ≥ 100");
        require(maxPendingHandshakes >= 1, "maxPendingHandshakes must be ≥ 1");
        require(ioThreads >= 1, "ioThreads must be ≥ 1");
        require(inboundBytesPerSecond >= 1, "inboundBytesPerSecond must be ≥ 1");
        require(inboundBurstBytes >= (long) maxFrameBytes + FrameCodec.LENGTH_BYTES,
                "inboundBurstBytes must pay for at least one maximum frame (≥ maxFrameBytes + 4)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("p2p config: " + message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder starting from the defaults. */
    public static final class Builder {
        private String listenHost = DEFAULT_LISTEN_HOST;
        private int listenPort = DEFAULT_LISTEN_PORT;
        private final List<PeerEndpoint> peers = new ArrayList<>();
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private int sendQueueMessages = DEFAULT_SEND_QUEUE_MESSAGES;
        private int sendQueueBytes = DEFAULT_SEND_QUEUE_BYTES;
        private long backoffMinMs = DEFAULT_BACKOFF_MIN_MS;
        private long backoffMaxMs = DEFAULT_BACKOFF_MAX_MS;
        private long banSeconds = DEFAULT_BAN_SECONDS;
        private long scoreRecoverySeconds = DEFAULT_SCORE_RECOVERY_SECONDS;
        private long handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS;
        private int maxPendingHandshakes = DEFAULT_MAX_PENDING_HANDSHAKES;
        private int ioThreads = DEFAULT_IO_THREADS;
        private long inboundBytesPerSecond = DEFAULT_INBOUND_BYTES_PER_SECOND;
        private long inboundBurstBytes = DEFAULT_INBOUND_BURST_BYTES;

        /** Each peer's inbound share: bytes per second, and the most it may send at once. */
        public Builder inbound(long bytesPerSecond, long burstBytes) {
            this.inboundBytesPerSecond = bytesPerSecond;
            this.inboundBurstBytes = burstBytes;
            return this;
        }

        public Builder listen(String host, int port) {
            this.listenHost = host;
            this.listenPort = port;
            return this;
        }

        public Builder peer(PeerEndpoint peer) {
            peers.add(peer);
            return this;
        }

        public Builder peers(List<PeerEndpoint> all) {
            peers.clear();
            peers.addAll(all);
            return this;
        }

        public Builder protocols(List<String> value) {
            this.protocols = value;
            return this;
        }

        public Builder maxFrameBytes(int value) {
            this.maxFrameBytes = value;
            return this;
        }

        public Builder sendQueue(int messages, int bytes) {
            this.sendQueueMessages = messages;
            this.sendQueueBytes = bytes;
            return this;
        }

        public Builder backoff(long minMs, long maxMs) {
            this.backoffMinMs = minMs;
            this.backoffMaxMs = maxMs;
            return this;
        }

        public Builder banSeconds(long value) {
            this.banSeconds = value;
            return this;
        }

        public Builder scoreRecoverySeconds(long value) {
            this.scoreRecoverySeconds = value;
            return this;
        }

        public Builder handshakeTimeoutMs(long value) {
            this.handshakeTimeoutMs = value;
            return this;
        }

        public Builder maxPendingHandshakes(int value) {
            this.maxPendingHandshakes = value;
            return this;
        }

        public Builder ioThreads(int value) {
            this.ioThreads = value;
            return this;
        }

        public P2pConfig build() {
            return new P2pConfig(listenHost, listenPort, peers, protocols, maxFrameBytes, sendQueueMessages,
                    sendQueueBytes, backoffMinMs, backoffMaxMs, banSeconds, scoreRecoverySeconds, handshakeTimeoutMs,
                    maxPendingHandshakes, ioThreads, inboundBytesPerSecond, inboundBurstBytes);
        }
    }
}
