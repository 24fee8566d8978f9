package seqpool.sequencer.rpc.server;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import seqpool.sequencer.rpc.dispatch.RpcError;
import seqpool.sequencer.rpc.dispatch.RpcProcessor;
import seqpool.sequencer.rpc.dispatch.RpcSession;
import seqpool.sequencer.rpc.json.Json;

/**
 * The messages of one connection on their way to the workers: at most {@code maxInFlight} processed at once (HTTP:
 * one, so that responses keep the order of requests), the rest queued (at most {@code maxQueued}). The connection is
 * read only while it has room and its client reads its responses ({@link Channel#isWritable()}), so neither queue
 * nor send buffer grows without bound. Processing runs on the server's bounded worker pool, never on the I/O thread;
 * a full pool answers {@code -32005}, a request not answered in time {@code -32002}. Event-loop confined except
 * {@link Task#finish}.
 */
final class RequestPump {
    private static final System.Logger LOG = System.getLogger("seqpool.rpc");

    /** How a connection sends the answer to one of its messages. */
    interface Transport {
        /** Writes the answer ({@code null}: nothing to answer, only notifications); called on any thread. */
        ChannelFuture reply(Inbound message, String answer);

        /** Nothing in progress or queued any more. */
        void idle();
    }

    /** One message: its body and what the transport needs to answer it (HTTP version, keep-alive). */
    record Inbound(byte[] body, Object context) {
    }

    private final Channel channel;
    private final ServerContext server;
    private final RpcSession session;
    private final Transport transport;
    private final int maxInFlight;
    private final int maxQueued;
    private final ArrayDeque<Inbound> queue = new ArrayDeque<>();
    private int inFlight;

    RequestPump(Channel channel, ServerContext server, RpcSession session, Transport transport, int maxInFlight,
            int maxQueued) {
        this.channel = channel;
        this.server = server;
        this.session = session;
        this.transport = transport;
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
    }

    /** Takes a message; false if the queue is full (the caller closes the connection). */
    boolean offer(Inbound message) {
        if (queue.size() >= maxQueued) {
            return false;
        }
        queue.add(message);
        drain();
        return true;
    }

    boolean isIdle() {
        return inFlight == 0 && queue.isEmpty();
    }

    /** The client read some of its responses, or stopped reading. */
    void writabilityChanged() {
        updateAutoRead();
    }

    private void drain() {
        while (inFlight < maxInFlight && !queue.isEmpty()) {
            start(queue.poll());
        }
        updateAutoRead();
    }

    private void updateAutoRead() {
        boolean read = inFlight < maxInFlight && queue.isEmpty() && channel.isWritable();
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    private void start(Inbound message) {
        inFlight++;
        Task task = new Task(message);
        task.timeout = channel.eventLoop().schedule(() -> task.finish(RpcProcessor.errorResponse(Json.NULL,
                new RpcError(RpcError.TIMEOUT, "request timed out"))), server.settings().requestTimeoutMs(),
                TimeUnit.MILLISECONDS);
        try {
            server.workers().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "workers busy; refusing a request from " + channel.remoteAddress());
            task.finish(RpcProcessor.errorResponse(Json.NULL, new RpcError(RpcError.LIMIT_EXCEEDED,
                    "server busy, try again later")));
        }
    }

    private void done() {
        inFlight--;
        drain();
        if (isIdle()) {
            transport.idle();
        }
    }

    /** One message being processed; finished once, by the worker or by the timeout, whichever comes first. */
    private final class Task implements Runnable {
        private final Inbound message;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile ScheduledFuture<?> timeout;

        Task(Inbound message) {
            this.message = message;
        }

        @Override
        public void run() {
            if (finished.get() || !channel.isActive()) {
                finish(null);
                return;
            }
            String answer;
            try {
                answer = server.processor().process(message.body(), session).orElse(null);
            } catch (Throwable t) { // RpcProcessor answers everything; this is a bug or an Error
                LOG.log(System.Logger.Level.ERROR, "request processing failed", t);
                answer = RpcProcessor.errorResponse(Json.NULL, new RpcError(RpcError.INTERNAL_ERROR,
                        "internal error"));
            }
            finish(answer);
        }

        void finish(String answer) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            if (!channel.isActive()) {
                channel.eventLoop().execute(RequestPump.this::done);
                return;
            }
            transport.reply(message, answer).addListener(f -> {
                if (channel.eventLoop().inEventLoop()) {
                    done();
                } else {
                    channel.eventLoop().execute(RequestPump.this::done);
                }
            });
        }
    }
}
