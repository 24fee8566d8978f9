package seqpool.p2p.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The typed configuration of PID {@code seqpool.p2p} (defaults as in {@link P2pConfig}; see docs/p2p.md). */
@ObjectClassDefinition(name = "seqpool p2p transport", description = "netty TLS 1.3 transport between pool members")
public @interface P2pConfiguration {
    @AttributeDefinition(description = "Interface to listen on")
    String listenHost() default P2pConfig.DEFAULT_LISTEN_HOST;

    @AttributeDefinition(description = "TCP port to listen on (0 = any free port)")
    int listenPort() default P2pConfig.DEFAULT_LISTEN_PORT;

    @AttributeDefinition(description = "Configured peers, each address@host:port")
    String[] peers() default {};

    @AttributeDefinition(description = "Channel protocol versions spoken, each channel/version")
    String[] protocols() default {"consensus/1", "mpc/1", "l2/1"};

    @AttributeDefinition(description = "Maximum frame size in bytes (channel id + payload)")
    int maxFrameBytes() default P2pConfig.DEFAULT_MAX_FRAME_BYTES;

    @AttributeDefinition(description = "Per-peer send queue bound, in messages")
    int sendQueueMessages() default P2pConfig.DEFAULT_SEND_QUEUE_MESSAGES;

    @AttributeDefinition(description = "Per-peer send queue bound, in bytes")
    int sendQueueBytes() default P2pConfig.DEFAULT_SEND_QUEUE_BYTES;

    @AttributeDefinition(description = "Reconnect backoff, first delay in ms")
    long backoffMinMs() default P2pConfig.DEFAULT_BACKOFF_MIN_MS;

    @AttributeDefinition(description = "Reconnect backoff, largest delay in ms")
    long backoffMaxMs() default P2pConfig.DEFAULT_BACKOFF_MAX_MS;

    @AttributeDefinition(description = "How long a peer whose score reached 0 stays banned, in seconds")
    long banSeconds() default P2pConfig.DEFAULT_BAN_SECONDS;

    @AttributeDefinition(description = "A penalized score recovers one point per this many seconds")
    long scoreRecoverySeconds() default P2pConfig.DEFAULT_SCORE_RECOVERY_SECONDS;

    @AttributeDefinition(description = "TLS handshake and hello timeout in ms")
    long handshakeTimeoutMs() default P2pConfig.DEFAULT_HANDSHAKE_TIMEOUT_MS;

    @AttributeDefinition(description = "Inbound connections allowed in their TLS handshake at once")
    int maxPendingHandshakes() default P2pConfig.DEFAULT_MAX_PENDING_HANDSHAKES;

    @AttributeDefinition(description = "netty I/O threads")
    int ioThreads() default P2pConfig.DEFAULT_IO_THREADS;

    @AttributeDefinition(description = "Each peer's inbound share in bytes per second (over it: dropped, penalized)")
    long inboundBytesPerSecond() default P2pConfig.DEFAULT_INBOUND_BYTES_PER_SECOND;

    @AttributeDefinition(description = "The most a peer may send at once, in bytes (at least one maximum frame)")
    long inboundBurstBytes() default P2pConfig.DEFAULT_INBOUND_BURST_BYTES;
}
